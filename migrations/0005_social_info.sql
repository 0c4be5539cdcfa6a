CREATE TABLE "social_info_forwards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"issue_id" uuid,
	"destination" text NOT NULL,
	"forwarded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_info_issue_counters" (
	"committee_id" uuid NOT NULL,
	"periodical_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "social_info_issue_counters_pk" PRIMARY KEY("committee_id","periodical_id","year")
);
--> statement-breakpoint
CREATE TABLE "social_info_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"periodical_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer,
	"title" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_by" uuid,
	"signed_by_label" text,
	"signed_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_info_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"source_name" text,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"topic_id" uuid,
	"urgent" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"reason" text,
	"merged_into_id" uuid,
	"issue_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "social_info_officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"monthly_quota" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_info_periodicals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_info_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"forward_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"publication" text,
	"leader" text,
	"level" text,
	"on_date" date NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_info_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_info_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_info_forwards" ADD CONSTRAINT "social_info_forwards_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_forwards" ADD CONSTRAINT "social_info_forwards_item_id_social_info_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."social_info_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_forwards" ADD CONSTRAINT "social_info_forwards_issue_id_social_info_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."social_info_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_issue_counters" ADD CONSTRAINT "social_info_issue_counters_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_issue_counters" ADD CONSTRAINT "social_info_issue_counters_periodical_id_social_info_periodicals_id_fk" FOREIGN KEY ("periodical_id") REFERENCES "public"."social_info_periodicals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_issues" ADD CONSTRAINT "social_info_issues_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_issues" ADD CONSTRAINT "social_info_issues_periodical_id_social_info_periodicals_id_fk" FOREIGN KEY ("periodical_id") REFERENCES "public"."social_info_periodicals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_issues" ADD CONSTRAINT "social_info_issues_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_items" ADD CONSTRAINT "social_info_items_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_items" ADD CONSTRAINT "social_info_items_topic_id_social_info_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."social_info_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_items" ADD CONSTRAINT "social_info_items_merged_into_id_social_info_items_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."social_info_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_items" ADD CONSTRAINT "social_info_items_issue_id_social_info_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."social_info_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_items" ADD CONSTRAINT "social_info_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_officers" ADD CONSTRAINT "social_info_officers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_officers" ADD CONSTRAINT "social_info_officers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_periodicals" ADD CONSTRAINT "social_info_periodicals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_results" ADD CONSTRAINT "social_info_results_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_results" ADD CONSTRAINT "social_info_results_forward_id_social_info_forwards_id_fk" FOREIGN KEY ("forward_id") REFERENCES "public"."social_info_forwards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_results" ADD CONSTRAINT "social_info_results_item_id_social_info_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."social_info_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_topics" ADD CONSTRAINT "social_info_topics_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_versions" ADD CONSTRAINT "social_info_versions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_versions" ADD CONSTRAINT "social_info_versions_item_id_social_info_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."social_info_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_info_versions" ADD CONSTRAINT "social_info_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "social_info_forwards_committee_item_destination_uq" ON "social_info_forwards" USING btree ("committee_id","item_id","destination");--> statement-breakpoint
CREATE UNIQUE INDEX "social_info_issues_committee_periodical_year_number_uq" ON "social_info_issues" USING btree ("committee_id","periodical_id","year","number");--> statement-breakpoint
CREATE INDEX "social_info_issues_committee_status_idx" ON "social_info_issues" USING btree ("committee_id","status");--> statement-breakpoint
CREATE INDEX "social_info_items_committee_state_idx" ON "social_info_items" USING btree ("committee_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "social_info_items_committee_issue_idx" ON "social_info_items" USING btree ("committee_id","issue_id");--> statement-breakpoint
CREATE INDEX "social_info_items_tokens_gin_idx" ON "social_info_items" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "social_info_items_members_gin_idx" ON "social_info_items" USING gin ("member_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "social_info_officers_committee_year_member_uq" ON "social_info_officers" USING btree ("committee_id","year","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_info_periodicals_committee_name_uq" ON "social_info_periodicals" USING btree ("committee_id","name");--> statement-breakpoint
CREATE INDEX "social_info_results_committee_item_idx" ON "social_info_results" USING btree ("committee_id","item_id");--> statement-breakpoint
CREATE INDEX "social_info_topics_committee_year_idx" ON "social_info_topics" USING btree ("committee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "social_info_versions_committee_item_version_uq" ON "social_info_versions" USING btree ("committee_id","item_id","version");