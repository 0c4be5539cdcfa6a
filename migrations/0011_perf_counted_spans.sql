ALTER TABLE "perf_assessment_results" ALTER COLUMN "record_ids" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "perf_assessments" ADD COLUMN "as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "perf_duty_records" ADD COLUMN "counted" "tstzmultirange";--> statement-breakpoint
-- A record voided before spans were kept: when it counted is unknown, so no snapshot taken from now on counts it (runs made before keep their record_ids).
UPDATE "perf_duty_records" SET "counted" = '{}' WHERE "status" = 'void';
