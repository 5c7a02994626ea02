CREATE TABLE "attendance_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"work_date" date NOT NULL,
	"clock_in" timestamp with time zone NOT NULL,
	"clock_out" timestamp with time zone NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_records_times_check" CHECK ("attendance_records"."clock_out" > "attendance_records"."clock_in")
);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_member_id_roster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_records_member_idx" ON "attendance_records" USING btree ("member_id","clock_in");--> statement-breakpoint
CREATE INDEX "attendance_records_day_idx" ON "attendance_records" USING btree ("work_date");