CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "kb_article_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_fields" text[] DEFAULT '{}' NOT NULL,
	"change_note" text,
	"changed_by" integer,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"category_path" text[] DEFAULT '{}' NOT NULL,
	"content" text NOT NULL,
	"issuer" text,
	"kind" text NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"effective_from" date,
	"expires_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector",
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"required_change" text NOT NULL,
	"article_ids" integer[] DEFAULT '{}' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"completion_note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_synonyms" (
	"id" serial PRIMARY KEY NOT NULL,
	"words" text[] NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_terms" (
	"word" text PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'term' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hot_topic_trainees" (
	"id" serial PRIMARY KEY NOT NULL,
	"hot_topic_id" integer NOT NULL,
	"agent_id" integer NOT NULL,
	"note" text,
	"trained_at" timestamp with time zone,
	"session_id" integer
);
--> statement-breakpoint
CREATE TABLE "hot_topics" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"brief" text,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"category_id" integer,
	"district" text,
	"detected_at" timestamp with time zone,
	"detection" jsonb,
	"order_ids" integer[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'candidate' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" integer,
	"training_due_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"dismissed_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operating_standards" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"version" text DEFAULT '1.0' NOT NULL,
	"planned_on" date NOT NULL,
	"completed_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operating_standards_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "standard_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"standard_id" integer NOT NULL,
	"version" text NOT NULL,
	"revised_on" date NOT NULL,
	"summary" text NOT NULL,
	"revised_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"agent_id" integer NOT NULL,
	"present" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"hot_topic_id" integer,
	"held_at" timestamp with time zone NOT NULL,
	"trainer" text,
	"materials" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_article_versions" ADD CONSTRAINT "kb_article_versions_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hot_topic_trainees" ADD CONSTRAINT "hot_topic_trainees_hot_topic_id_hot_topics_id_fk" FOREIGN KEY ("hot_topic_id") REFERENCES "public"."hot_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_revisions" ADD CONSTRAINT "standard_revisions_standard_id_operating_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."operating_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_hot_topic_id_hot_topics_id_fk" FOREIGN KEY ("hot_topic_id") REFERENCES "public"."hot_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_article_versions_key" ON "kb_article_versions" USING btree ("article_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_title_key" ON "kb_articles" USING btree ("title");--> statement-breakpoint
CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "kb_articles_title_trgm_idx" ON "kb_articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kb_articles_status_idx" ON "kb_articles" USING btree ("status");--> statement-breakpoint
CREATE INDEX "kb_notices_received_idx" ON "kb_notices" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hot_topic_trainees_key" ON "hot_topic_trainees" USING btree ("hot_topic_id","agent_id");--> statement-breakpoint
CREATE INDEX "hot_topics_status_idx" ON "hot_topics" USING btree ("status","confirmed_at");--> statement-breakpoint
CREATE INDEX "standard_revisions_standard_idx" ON "standard_revisions" USING btree ("standard_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_key" ON "training_attendance" USING btree ("session_id","agent_id");