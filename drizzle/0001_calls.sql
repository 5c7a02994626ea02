CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"message_zh" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_callback_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"callback_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"agent_id" integer,
	"reached" boolean NOT NULL,
	"note" text,
	"order_number" text
);
--> statement-breakpoint
CREATE TABLE "call_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_pk" bigint NOT NULL,
	"caller_number" text NOT NULL,
	"missed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"outcome" text,
	CONSTRAINT "call_callbacks_call_pk_unique" UNIQUE("call_pk")
);
--> statement-breakpoint
CREATE TABLE "call_exemptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" integer,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "call_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"file_name" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"read" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"already_present" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb,
	"imported_by" integer
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"call_id" text NOT NULL,
	"caller_number" text,
	"queue" text,
	"offered_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"agent" text,
	"ended_at" timestamp with time zone,
	"abandoned_at" timestamp with time zone,
	"abandon_reason" text,
	"ivr_rating" smallint,
	"order_numbers" text[] DEFAULT '{}' NOT NULL,
	"import_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_outages" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"cause" text NOT NULL,
	"operator_fault" boolean,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"alert_raised_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "call_callback_attempts" ADD CONSTRAINT "call_callback_attempts_callback_id_call_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."call_callbacks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_call_pk_calls_id_fk" FOREIGN KEY ("call_pk") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_kind_subject_key" ON "alerts" USING btree ("kind","subject");--> statement-breakpoint
CREATE INDEX "call_callbacks_status_idx" ON "call_callbacks" USING btree ("status","missed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_source_call_id_key" ON "calls" USING btree ("source","call_id");--> statement-breakpoint
CREATE INDEX "calls_offered_idx" ON "calls" USING btree ("offered_at");--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent","answered_at");