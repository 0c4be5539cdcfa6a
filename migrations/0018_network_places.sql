CREATE TABLE "network_care_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"situation" text NOT NULL,
	"region_id" uuid,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_care_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"policies" text[] DEFAULT '{}'::text[] NOT NULL,
	"difficulties_solved" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_place_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"since" date
);
--> statement-breakpoint
CREATE TABLE "network_place_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"item" text NOT NULL,
	"met_on" date NOT NULL,
	"checked_by" uuid,
	"checked_by_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"region_id" uuid NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"first_convener_name" text,
	"first_convener_post" text,
	"exec_convener_member_id" uuid,
	"exec_convener_name" text,
	"partner_org" text,
	"partner_city" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_reception_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"days" integer[] NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_receptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"void_reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"county_id" uuid,
	"town_id" uuid,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"reception_id" uuid NOT NULL,
	"visitor" text NOT NULL,
	"matter" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_care_pairs" ADD CONSTRAINT "network_care_pairs_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_care_pairs" ADD CONSTRAINT "network_care_pairs_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_care_pairs" ADD CONSTRAINT "network_care_pairs_region_id_network_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."network_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_care_visits" ADD CONSTRAINT "network_care_visits_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_care_visits" ADD CONSTRAINT "network_care_visits_pair_id_network_care_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."network_care_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_place_members" ADD CONSTRAINT "network_place_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_place_members" ADD CONSTRAINT "network_place_members_place_id_network_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."network_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_place_members" ADD CONSTRAINT "network_place_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_place_standards" ADD CONSTRAINT "network_place_standards_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_place_standards" ADD CONSTRAINT "network_place_standards_place_id_network_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."network_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_place_standards" ADD CONSTRAINT "network_place_standards_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_places" ADD CONSTRAINT "network_places_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_places" ADD CONSTRAINT "network_places_region_id_network_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."network_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_places" ADD CONSTRAINT "network_places_exec_convener_member_id_members_id_fk" FOREIGN KEY ("exec_convener_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_reception_rules" ADD CONSTRAINT "network_reception_rules_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_reception_rules" ADD CONSTRAINT "network_reception_rules_place_id_network_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."network_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_receptions" ADD CONSTRAINT "network_receptions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_receptions" ADD CONSTRAINT "network_receptions_place_id_network_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."network_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_receptions" ADD CONSTRAINT "network_receptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_regions" ADD CONSTRAINT "network_regions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_visits" ADD CONSTRAINT "network_visits_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_visits" ADD CONSTRAINT "network_visits_reception_id_network_receptions_id_fk" FOREIGN KEY ("reception_id") REFERENCES "public"."network_receptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_care_pairs_committee_member_idx" ON "network_care_pairs" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "network_care_visits_committee_pair_idx" ON "network_care_visits" USING btree ("committee_id","pair_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_place_members_uq" ON "network_place_members" USING btree ("committee_id","place_id","member_id");--> statement-breakpoint
CREATE INDEX "network_place_members_member_idx" ON "network_place_members" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_place_standards_uq" ON "network_place_standards" USING btree ("committee_id","place_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "network_places_committee_name_uq" ON "network_places" USING btree ("committee_id","name");--> statement-breakpoint
CREATE INDEX "network_places_committee_region_idx" ON "network_places" USING btree ("committee_id","region_id");--> statement-breakpoint
CREATE INDEX "network_places_committee_type_idx" ON "network_places" USING btree ("committee_id","type","status");--> statement-breakpoint
CREATE INDEX "network_reception_rules_committee_place_idx" ON "network_reception_rules" USING btree ("committee_id","place_id");--> statement-breakpoint
CREATE INDEX "network_receptions_committee_place_idx" ON "network_receptions" USING btree ("committee_id","place_id","held_on");--> statement-breakpoint
CREATE INDEX "network_receptions_committee_held_idx" ON "network_receptions" USING btree ("committee_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "network_regions_committee_code_uq" ON "network_regions" USING btree ("committee_id","code");--> statement-breakpoint
CREATE INDEX "network_regions_committee_parent_idx" ON "network_regions" USING btree ("committee_id","parent_id");--> statement-breakpoint
CREATE INDEX "network_regions_committee_town_idx" ON "network_regions" USING btree ("committee_id","town_id","level");--> statement-breakpoint
CREATE INDEX "network_visits_committee_reception_idx" ON "network_visits" USING btree ("committee_id","reception_id");
--> statement-breakpoint
-- hand-written below
ALTER TABLE "network_regions" ADD CONSTRAINT "network_regions_level_ck" CHECK ("level" in ('province', 'city', 'county', 'town', 'village'));--> statement-breakpoint
ALTER TABLE "network_places" ADD CONSTRAINT "network_places_status_ck" CHECK ("status" in ('active', 'closed'));--> statement-breakpoint
ALTER TABLE "network_reception_rules" ADD CONSTRAINT "network_reception_rules_kind_ck" CHECK ("kind" in ('weekly', 'monthly') and cardinality("days") > 0 and cardinality("member_ids") > 0);--> statement-breakpoint
ALTER TABLE "network_receptions" ADD CONSTRAINT "network_receptions_status_ck" CHECK ("status" in ('held', 'void'));--> statement-breakpoint
ALTER TABLE "network_visits" ADD CONSTRAINT "network_visits_outcome_ck" CHECK ("outcome" in ('answered', 'referred', 'recorded'));
