CREATE TABLE "confirmed_statements" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"statement" jsonb NOT NULL,
	"inputs_hash" text NOT NULL,
	"outputs_hash" text NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "contract_definitions" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"source" text NOT NULL,
	"loaded_by" integer,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_definitions_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "contract_payments" (
	"contract_id" text NOT NULL,
	"quarter" integer NOT NULL,
	"invoice_received_on" text,
	"invoice_ref" text,
	"paid_on" text,
	"paid_fen" integer,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_payments_contract_id_quarter_pk" PRIMARY KEY("contract_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "contract_readings" (
	"contract_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_readings_contract_id_key_pk" PRIMARY KEY("contract_id","key")
);
--> statement-breakpoint
CREATE TABLE "rectification_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"number" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" integer,
	"items" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by" integer,
	"verification" text,
	"verified_at" timestamp with time zone,
	"verified_by" integer,
	"verification_note" text,
	"status" text DEFAULT 'issued' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"report_id" text NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"complete" boolean,
	"note" text,
	"delivered_by" integer,
	"checked_by" integer,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "security_incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"major" boolean,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "confirmed_statements_key" ON "confirmed_statements" USING btree ("contract_id","kind","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_notices_number_key" ON "rectification_notices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "report_deliveries_key" ON "report_deliveries" USING btree ("contract_id","report_id","period");