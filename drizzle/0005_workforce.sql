CREATE TABLE "headcount_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_on" date NOT NULL,
	"agreed" integer NOT NULL,
	"consented" boolean DEFAULT false NOT NULL,
	"consented_on" date,
	"consent_ref" text,
	"notice_given_on" date,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "headcount_changes_consent_check" CHECK (not "headcount_changes"."consented" or "headcount_changes"."consented_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "replacement_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"requested_on" date NOT NULL,
	"reason" text NOT NULL,
	"document_ref" text,
	"status" text DEFAULT 'open' NOT NULL,
	"replacement_member_id" integer,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_by" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" integer,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "replacement_requests_replacement_member_id_unique" UNIQUE("replacement_member_id")
);
--> statement-breakpoint
CREATE TABLE "roster_absences" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" integer,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_absences_dates_check" CHECK ("roster_absences"."to_date" >= "roster_absences"."from_date")
);
--> statement-breakpoint
CREATE TABLE "roster_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"user_id" integer,
	"role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_members_dates_check" CHECK ("roster_members"."end_date" is null or "roster_members"."end_date" >= "roster_members"."start_date"),
	CONSTRAINT "roster_members_end_reason_check" CHECK (("roster_members"."end_date" is null) = ("roster_members"."end_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_member_id_roster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_replacement_member_id_roster_members_id_fk" FOREIGN KEY ("replacement_member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_absences" ADD CONSTRAINT "roster_absences_member_id_roster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_members" ADD CONSTRAINT "roster_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "headcount_changes_effective_idx" ON "headcount_changes" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "replacement_requests_member_idx" ON "replacement_requests" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "roster_absences_member_idx" ON "roster_absences" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "roster_members_dates_idx" ON "roster_members" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE INDEX "roster_members_user_idx" ON "roster_members" USING btree ("user_id");