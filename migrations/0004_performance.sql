CREATE TABLE "perf_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"half_days" integer DEFAULT 1 NOT NULL,
	"year" integer NOT NULL,
	"place" text,
	"organiser_kind" text DEFAULT 'committee' NOT NULL,
	"organiser_name" text,
	"open_sign_up" boolean DEFAULT false NOT NULL,
	"check_in_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "perf_annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perf_assessment_results" (
	"committee_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"sector_id" uuid,
	"roles" text[] NOT NULL,
	"points" double precision NOT NULL,
	"grade" text NOT NULL,
	"rank" integer NOT NULL,
	"sector_rank" integer,
	"by_kind" jsonb NOT NULL,
	"quotas_met" boolean NOT NULL,
	"quota_shortfalls" jsonb NOT NULL,
	"commended" boolean NOT NULL,
	"below_bar" boolean NOT NULL,
	"warned" boolean NOT NULL,
	"warned_again" boolean NOT NULL,
	"allowance_yuan" double precision NOT NULL,
	"record_ids" uuid[] NOT NULL,
	CONSTRAINT "perf_assessment_results_committee_id_assessment_id_member_id_pk" PRIMARY KEY("committee_id","assessment_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "perf_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"reason" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "perf_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"invited" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"checked_in_at" timestamp with time zone,
	"marked_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perf_duty_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"source" text NOT NULL,
	"source_type" text,
	"source_ref" text,
	"status" text NOT NULL,
	"units" double precision DEFAULT 1 NOT NULL,
	"member_count" integer DEFAULT 1 NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perf_record_members" (
	"committee_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text,
	"year" integer NOT NULL,
	CONSTRAINT "perf_record_members_committee_id_record_id_member_id_pk" PRIMARY KEY("committee_id","record_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "perf_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "perf_activities" ADD CONSTRAINT "perf_activities_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_activities" ADD CONSTRAINT "perf_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_annual_reports" ADD CONSTRAINT "perf_annual_reports_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_annual_reports" ADD CONSTRAINT "perf_annual_reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessment_results" ADD CONSTRAINT "perf_assessment_results_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessment_results" ADD CONSTRAINT "perf_assessment_results_assessment_id_perf_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."perf_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessment_results" ADD CONSTRAINT "perf_assessment_results_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessments" ADD CONSTRAINT "perf_assessments_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessments" ADD CONSTRAINT "perf_assessments_rule_set_id_perf_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."perf_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessments" ADD CONSTRAINT "perf_assessments_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_assessments" ADD CONSTRAINT "perf_assessments_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_attendance" ADD CONSTRAINT "perf_attendance_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_attendance" ADD CONSTRAINT "perf_attendance_activity_id_perf_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."perf_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_attendance" ADD CONSTRAINT "perf_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_duty_records" ADD CONSTRAINT "perf_duty_records_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_duty_records" ADD CONSTRAINT "perf_duty_records_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_duty_records" ADD CONSTRAINT "perf_duty_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_record_members" ADD CONSTRAINT "perf_record_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_record_members" ADD CONSTRAINT "perf_record_members_record_id_perf_duty_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."perf_duty_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_record_members" ADD CONSTRAINT "perf_record_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_rule_sets" ADD CONSTRAINT "perf_rule_sets_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_rule_sets" ADD CONSTRAINT "perf_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "perf_activities_committee_year_idx" ON "perf_activities" USING btree ("committee_id","year","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "perf_annual_reports_committee_member_year_uq" ON "perf_annual_reports" USING btree ("committee_id","member_id","year");--> statement-breakpoint
CREATE INDEX "perf_assessment_results_committee_member_idx" ON "perf_assessment_results" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "perf_assessments_committee_year_revision_uq" ON "perf_assessments" USING btree ("committee_id","year","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "perf_attendance_committee_activity_member_uq" ON "perf_attendance" USING btree ("committee_id","activity_id","member_id");--> statement-breakpoint
CREATE INDEX "perf_attendance_committee_member_idx" ON "perf_attendance" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "perf_duty_records_committee_source_uq" ON "perf_duty_records" USING btree ("committee_id","source_type","source_ref");--> statement-breakpoint
CREATE INDEX "perf_duty_records_committee_year_status_idx" ON "perf_duty_records" USING btree ("committee_id","year","status");--> statement-breakpoint
CREATE INDEX "perf_record_members_committee_member_year_idx" ON "perf_record_members" USING btree ("committee_id","member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "perf_rule_sets_committee_year_version_uq" ON "perf_rule_sets" USING btree ("committee_id","year","version");