ALTER TABLE "proposals" ADD COLUMN "source_ref" text;--> statement-breakpoint
ALTER TABLE "social_info_items" ADD COLUMN "source_ref" text;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_place_id_network_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."network_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_committee_source_ref_uq" ON "proposals" USING btree ("committee_id","source_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "social_info_items_committee_source_ref_uq" ON "social_info_items" USING btree ("committee_id","source_ref");