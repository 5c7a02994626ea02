CREATE TABLE "triage_models" (
	"version" serial PRIMARY KEY NOT NULL,
	"level" integer NOT NULL,
	"label_kind" text DEFAULT 'category' NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"trained_by" integer,
	"training_size" integer NOT NULL,
	"held_back_size" integer NOT NULL,
	"data_through" timestamp with time zone,
	"accuracy" double precision,
	"macro_f1" double precision,
	"department_shares" jsonb NOT NULL,
	"model" "bytea" NOT NULL,
	"model_bytes" integer NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"activated_at" timestamp with time zone,
	"decision" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"model_version" integer NOT NULL,
	"text_hash" text NOT NULL,
	"text_start" text NOT NULL,
	"category_ids" integer[] NOT NULL,
	"department_ids" integer[] NOT NULL,
	"top_probability" double precision NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"chosen_category_id" integer,
	"chosen_department_id" integer,
	"order_id" integer,
	"chosen_by" integer,
	"chosen_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "triage_suggestions" ADD CONSTRAINT "triage_suggestions_model_version_triage_models_version_fk" FOREIGN KEY ("model_version") REFERENCES "public"."triage_models"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "triage_models_one_active" ON "triage_models" USING btree ("active") WHERE "triage_models"."active";--> statement-breakpoint
CREATE INDEX "triage_suggestions_created_idx" ON "triage_suggestions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "triage_suggestions_order_idx" ON "triage_suggestions" USING btree ("order_id");