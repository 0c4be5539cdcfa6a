ALTER TABLE "proposals" ADD COLUMN "source_ref" text;--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_committee_source_ref_uq" ON "proposals" USING btree ("committee_id","source_ref");