CREATE TABLE "consultation_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"leader" text NOT NULL,
	"on_date" date NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid,
	"expert_id" uuid,
	"reply" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"replied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultation_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"form" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"place" text,
	"online_link" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"state" text DEFAULT 'preparing' NOT NULL,
	"officials" text[] DEFAULT '{}' NOT NULL,
	"notice_due" date NOT NULL,
	"materials_due" date NOT NULL,
	"minutes_due" date NOT NULL,
	"notified_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancel_reason" text,
	"minutes_text" text,
	"minutes_at" timestamp with time zone,
	"activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_online_participants" (
	"committee_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "consultation_online_participants_committee_id_topic_id_member_id_pk" PRIMARY KEY("committee_id","topic_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_online_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_item_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moderated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultation_outcome_counters" (
	"committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "consultation_outcome_counters_committee_id_kind_year_pk" PRIMARY KEY("committee_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "consultation_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"meeting_id" uuid,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"sent_to" text[] DEFAULT '{}' NOT NULL,
	"sent_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"body" text NOT NULL,
	"result" text,
	"evidence" text,
	"result_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"referred_on" date NOT NULL,
	"feedback" text,
	"feedback_at" timestamp with time zone,
	"feedback_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consultation_speeches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"oral_order" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "perf_activities" ADD COLUMN "source_ref" text;--> statement-breakpoint
ALTER TABLE "consultation_experts" ADD CONSTRAINT "consultation_experts_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_instructions" ADD CONSTRAINT "consultation_instructions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_instructions" ADD CONSTRAINT "consultation_instructions_outcome_id_consultation_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."consultation_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_meeting_id_consultation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."consultation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_expert_id_consultation_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."consultation_experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_meetings" ADD CONSTRAINT "consultation_meetings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_meetings" ADD CONSTRAINT "consultation_meetings_plan_item_id_consultation_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."consultation_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_online_participants" ADD CONSTRAINT "consultation_online_participants_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_online_participants" ADD CONSTRAINT "consultation_online_participants_topic_id_consultation_online_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."consultation_online_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_online_participants" ADD CONSTRAINT "consultation_online_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_online_topics" ADD CONSTRAINT "consultation_online_topics_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_online_topics" ADD CONSTRAINT "consultation_online_topics_plan_item_id_consultation_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."consultation_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_topic_id_consultation_online_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."consultation_online_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_outcome_id_consultation_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."consultation_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcome_counters" ADD CONSTRAINT "consultation_outcome_counters_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_plan_item_id_consultation_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."consultation_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_meeting_id_consultation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."consultation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_recommendations" ADD CONSTRAINT "consultation_recommendations_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_recommendations" ADD CONSTRAINT "consultation_recommendations_outcome_id_consultation_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."consultation_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_referrals" ADD CONSTRAINT "consultation_referrals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_referrals" ADD CONSTRAINT "consultation_referrals_outcome_id_consultation_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."consultation_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_referrals" ADD CONSTRAINT "consultation_referrals_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_referrals" ADD CONSTRAINT "consultation_referrals_feedback_by_users_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_speeches" ADD CONSTRAINT "consultation_speeches_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_speeches" ADD CONSTRAINT "consultation_speeches_meeting_id_consultation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."consultation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_speeches" ADD CONSTRAINT "consultation_speeches_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_experts_committee_name_uq" ON "consultation_experts" USING btree ("committee_id","name","affiliation");--> statement-breakpoint
CREATE INDEX "consultation_instructions_committee_outcome_idx" ON "consultation_instructions" USING btree ("committee_id","outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_invitations_member_uq" ON "consultation_invitations" USING btree ("committee_id","meeting_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_invitations_expert_uq" ON "consultation_invitations" USING btree ("committee_id","meeting_id","expert_id");--> statement-breakpoint
CREATE INDEX "consultation_invitations_committee_member_idx" ON "consultation_invitations" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_meetings_committee_year_idx" ON "consultation_meetings" USING btree ("committee_id","year","form");--> statement-breakpoint
CREATE INDEX "consultation_meetings_committee_item_idx" ON "consultation_meetings" USING btree ("committee_id","plan_item_id");--> statement-breakpoint
CREATE INDEX "consultation_online_participants_member_idx" ON "consultation_online_participants" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_online_topics_committee_idx" ON "consultation_online_topics" USING btree ("committee_id","opens_at");--> statement-breakpoint
CREATE INDEX "consultation_opinions_committee_topic_idx" ON "consultation_opinions" USING btree ("committee_id","topic_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_outcomes_number_uq" ON "consultation_outcomes" USING btree ("committee_id","kind","year","number");--> statement-breakpoint
CREATE INDEX "consultation_outcomes_committee_year_idx" ON "consultation_outcomes" USING btree ("committee_id","year","state");--> statement-breakpoint
CREATE INDEX "consultation_outcomes_committee_item_idx" ON "consultation_outcomes" USING btree ("committee_id","plan_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_recommendations_seq_uq" ON "consultation_recommendations" USING btree ("committee_id","outcome_id","seq");--> statement-breakpoint
CREATE INDEX "consultation_recommendations_committee_result_idx" ON "consultation_recommendations" USING btree ("committee_id","result");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_referrals_unit_uq" ON "consultation_referrals" USING btree ("committee_id","outcome_id","unit_id");--> statement-breakpoint
CREATE INDEX "consultation_referrals_committee_unit_idx" ON "consultation_referrals" USING btree ("committee_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_speeches_member_uq" ON "consultation_speeches" USING btree ("committee_id","meeting_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_speeches_committee_member_idx" ON "consultation_speeches" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "perf_activities_committee_source_uq" ON "perf_activities" USING btree ("committee_id","source_ref");