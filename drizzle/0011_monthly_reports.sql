CREATE TABLE "monthly_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"contract_id" text,
	"status" text NOT NULL,
	"step" text,
	"progress" real DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"generated_at" timestamp with time zone,
	"generated_by" integer,
	"docx" "bytea",
	"pdf" "bytea",
	"xlsx" "bytea",
	"sections" jsonb,
	"complete" boolean,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"note" text,
	"delivery_id" integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_month" ON "monthly_reports" USING btree ("month");