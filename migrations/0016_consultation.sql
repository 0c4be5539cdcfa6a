CREATE TABLE "consultation_plan_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"on_date" date,
	"doc_no" text,
	"note" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"topic_id" uuid,
	"title" text NOT NULL,
	"form" text NOT NULL,
	"lead" text NOT NULL,
	"lead_special_committee_id" uuid,
	"month" integer,
	"leaders" text[] DEFAULT '{}' NOT NULL,
	"units" text[] DEFAULT '{}' NOT NULL,
	"supervisory" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"previous_id" uuid,
	"adjust_reason" text,
	"decided_on" date,
	"decision_doc_no" text,
	"issued_on" date,
	"issued_doc_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_kind" text NOT NULL,
	"source_name" text,
	"member_id" uuid,
	"submitted_by" uuid,
	"state" text DEFAULT 'submitted' NOT NULL,
	"decline_reason" text,
	"plan_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_plan_history" ADD CONSTRAINT "consultation_plan_history_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_history" ADD CONSTRAINT "consultation_plan_history_plan_id_consultation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."consultation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_plan_id_consultation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."consultation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_topic_id_consultation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."consultation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_lead_special_committee_id_special_committees_id_fk" FOREIGN KEY ("lead_special_committee_id") REFERENCES "public"."special_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plans" ADD CONSTRAINT "consultation_plans_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topics" ADD CONSTRAINT "consultation_topics_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topics" ADD CONSTRAINT "consultation_topics_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topics" ADD CONSTRAINT "consultation_topics_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_plan_history_committee_plan_idx" ON "consultation_plan_history" USING btree ("committee_id","plan_id","at");--> statement-breakpoint
CREATE INDEX "consultation_plan_items_committee_plan_idx" ON "consultation_plan_items" USING btree ("committee_id","plan_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_plans_committee_year_version_uq" ON "consultation_plans" USING btree ("committee_id","year","version");--> statement-breakpoint
CREATE INDEX "consultation_plans_committee_state_idx" ON "consultation_plans" USING btree ("committee_id","state");--> statement-breakpoint
CREATE INDEX "consultation_topics_committee_year_state_idx" ON "consultation_topics" USING btree ("committee_id","year","state");