CREATE TABLE "contract_charges" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"note" text NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_warning_acks" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"quarter" integer NOT NULL,
	"warning_key" text NOT NULL,
	"note" text NOT NULL,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rectification_notices" ALTER COLUMN "due_at" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "contract_charges_contract" ON "contract_charges" USING btree ("contract_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_warning_acks_key" ON "statement_warning_acks" USING btree ("contract_id","quarter","warning_key");