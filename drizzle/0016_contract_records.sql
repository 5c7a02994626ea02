CREATE TABLE "contract_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"occurred_on" text NOT NULL,
	"data" jsonb NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"checked_by" integer,
	"checked_at" timestamp with time zone,
	"accepted" boolean,
	"check_note" text
);
--> statement-breakpoint
CREATE INDEX "contract_records_key" ON "contract_records" USING btree ("contract_id","kind","subject");