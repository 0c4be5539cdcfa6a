CREATE TABLE "proposal_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"decision_note" text,
	"approvals" integer DEFAULT 0 NOT NULL,
	"lead_leader_user_id" uuid,
	"channel" text,
	"shortlisted_by" uuid,
	"shortlisted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_supervision_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposal_keys" ADD CONSTRAINT "proposal_keys_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_keys" ADD CONSTRAINT "proposal_keys_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_keys" ADD CONSTRAINT "proposal_keys_lead_leader_user_id_users_id_fk" FOREIGN KEY ("lead_leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_keys" ADD CONSTRAINT "proposal_keys_shortlisted_by_users_id_fk" FOREIGN KEY ("shortlisted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_keys" ADD CONSTRAINT "proposal_keys_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervision_events" ADD CONSTRAINT "proposal_supervision_events_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervision_events" ADD CONSTRAINT "proposal_supervision_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervision_events" ADD CONSTRAINT "proposal_supervision_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_keys_committee_proposal_uq" ON "proposal_keys" USING btree ("committee_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_keys_committee_status_idx" ON "proposal_keys" USING btree ("committee_id","status");--> statement-breakpoint
CREATE INDEX "proposal_keys_committee_leader_idx" ON "proposal_keys" USING btree ("committee_id","lead_leader_user_id");--> statement-breakpoint
CREATE INDEX "proposal_supervision_events_committee_proposal_idx" ON "proposal_supervision_events" USING btree ("committee_id","proposal_id","held_on");