CREATE TABLE "demand_portal_keys" (
	"committee_id" uuid PRIMARY KEY NOT NULL,
	"secret" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"matter" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"place_id" uuid,
	"place_text" text DEFAULT '' NOT NULL,
	"person_name" text,
	"person_phone" text,
	"person_id_no" text,
	"pii_erased_at" timestamp with time zone,
	"tokens" text[] DEFAULT '{}' NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"recorded_by" uuid,
	"member_id" uuid,
	"unit_id" uuid,
	"deadline" date,
	"referred_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"redirect_to" text,
	"convert_target" text,
	"converted_ref" uuid,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"challenge_nonce" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demand_portal_keys" ADD CONSTRAINT "demand_portal_keys_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "demands_tracking_code_uq" ON "demands" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "demands_committee_challenge_uq" ON "demands" USING btree ("committee_id","challenge_nonce");--> statement-breakpoint
CREATE INDEX "demands_committee_state_idx" ON "demands" USING btree ("committee_id","state","created_at");--> statement-breakpoint
CREATE INDEX "demands_committee_unit_idx" ON "demands" USING btree ("committee_id","unit_id");--> statement-breakpoint
CREATE INDEX "demands_committee_member_idx" ON "demands" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "demands_committee_closed_idx" ON "demands" USING btree ("committee_id","closed_at");
--> statement-breakpoint
-- hand-written below
CREATE INDEX "demands_committee_tokens_gin" ON "demands" USING gin ("committee_id", "tokens");--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_channel_ck" CHECK ("channel" IN ('reception', 'field', 'phone', 'online'));--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_rating_ck" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
