CREATE TABLE "assistance_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" integer,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "opinion_incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"occurred_on" date NOT NULL,
	"source" text NOT NULL,
	"link" text,
	"cause" text NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"serious" boolean,
	"caused_by_service" boolean,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"sheet_id" integer NOT NULL,
	"agent_id" integer NOT NULL,
	"month" text NOT NULL,
	"call_pk" bigint,
	"order_id" integer,
	"sampled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"scores" jsonb,
	"total" real,
	"fatal" boolean,
	"comment" text,
	"scored_by" integer,
	"scored_at" timestamp with time zone,
	"appeal_reason" text,
	"appealed_at" timestamp with time zone,
	"appeal_status" text DEFAULT 'none' NOT NULL,
	"appeal_decided_by" integer,
	"appeal_decided_at" timestamp with time zone,
	"appeal_note" text,
	"score_before_appeal" real
);
--> statement-breakpoint
CREATE TABLE "qa_sheets" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"pass_score" real NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"description" text NOT NULL,
	"order_id" integer,
	"call_pk" bigint,
	"agent_id" integer,
	"kind" text NOT NULL,
	"status" text DEFAULT 'investigating' NOT NULL,
	"investigation" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "agent_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "order_callbacks" ADD COLUMN "attitude_satisfaction" text;--> statement-breakpoint
ALTER TABLE "qa_samples" ADD CONSTRAINT "qa_samples_sheet_id_qa_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."qa_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinion_incidents_date_idx" ON "opinion_incidents" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "qa_samples_agent_month_idx" ON "qa_samples" USING btree ("agent_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_samples_call_key" ON "qa_samples" USING btree ("sheet_id","call_pk");--> statement-breakpoint
CREATE INDEX "service_complaints_received_idx" ON "service_complaints" USING btree ("received_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agent_code_unique" UNIQUE("agent_code");