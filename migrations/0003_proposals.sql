CREATE TABLE "proposal_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"assigned_on" date NOT NULL,
	"deadline" date NOT NULL,
	"objection_until" date NOT NULL,
	"extension_reason" text,
	"objection_reason" text,
	"objected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_counters" (
	"committee_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "proposal_counters_pk" PRIMARY KEY("committee_id","scope")
);
--> statement-breakpoint
CREATE TABLE "proposal_countersigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"reply_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"opinion" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"rating" text NOT NULL,
	"contacted_before" boolean,
	"attitude" text,
	"remarks" text,
	"entered_by" uuid,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reply_class" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"signer" text,
	"contact_person" text,
	"contact_phone" text,
	"doc_number" text,
	"body" text DEFAULT '' NOT NULL,
	"contacted_on" date,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_signers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_token_df" (
	"committee_id" uuid NOT NULL,
	"token" text NOT NULL,
	"df" integer NOT NULL,
	CONSTRAINT "proposal_token_df_pk" PRIMARY KEY("committee_id","token")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"term_id" uuid,
	"session_id" uuid,
	"occasion" text DEFAULT 'plenary' NOT NULL,
	"kind" text NOT NULL,
	"submitter_name" text,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"research_basis" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"number_scope" text,
	"number" integer,
	"number_label" text,
	"merged_into_id" uuid,
	"merge_seq" integer,
	"decision_code" text,
	"decision_note" text,
	"reply_class" text,
	"tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"df_tokens" text[],
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_counters" ADD CONSTRAINT "proposal_counters_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_countersigns" ADD CONSTRAINT "proposal_countersigns_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_countersigns" ADD CONSTRAINT "proposal_countersigns_reply_id_proposal_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."proposal_replies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_countersigns" ADD CONSTRAINT "proposal_countersigns_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_feedback" ADD CONSTRAINT "proposal_feedback_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_feedback" ADD CONSTRAINT "proposal_feedback_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_feedback" ADD CONSTRAINT "proposal_feedback_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_feedback" ADD CONSTRAINT "proposal_feedback_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_token_df" ADD CONSTRAINT "proposal_token_df_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_plenary_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."plenary_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_merged_into_id_proposals_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_assignments_committee_proposal_idx" ON "proposal_assignments" USING btree ("committee_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_assignments_committee_unit_idx" ON "proposal_assignments" USING btree ("committee_id","unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_countersigns_committee_reply_unit_uq" ON "proposal_countersigns" USING btree ("committee_id","reply_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_feedback_committee_proposal_member_round_uq" ON "proposal_feedback" USING btree ("committee_id","proposal_id","member_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_replies_committee_proposal_unit_round_uq" ON "proposal_replies" USING btree ("committee_id","proposal_id","unit_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_signers_committee_proposal_member_uq" ON "proposal_signers" USING btree ("committee_id","proposal_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_signers_committee_member_idx" ON "proposal_signers" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "proposals_committee_state_idx" ON "proposals" USING btree ("committee_id","state");--> statement-breakpoint
CREATE INDEX "proposals_committee_session_idx" ON "proposals" USING btree ("committee_id","session_id","number");--> statement-breakpoint
CREATE INDEX "proposals_committee_merged_into_idx" ON "proposals" USING btree ("committee_id","merged_into_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_committee_number_uq" ON "proposals" USING btree ("committee_id","number_scope","number");--> statement-breakpoint
CREATE INDEX "proposals_tokens_gin_idx" ON "proposals" USING gin ("tokens");