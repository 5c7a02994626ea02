CREATE TABLE "attendance_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"work_date" date NOT NULL,
	"action" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb,
	"reason" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attendance_changes_record_idx" ON "attendance_changes" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "attendance_changes_day_idx" ON "attendance_changes" USING btree ("work_date");