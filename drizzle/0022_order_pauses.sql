CREATE TABLE "order_pauses" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"dispatch_id" integer,
	"department_id" integer NOT NULL,
	"reason_code" text NOT NULL,
	"note" text NOT NULL,
	"expected_resume_on" date NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_note" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" integer,
	"end_reason" text,
	"paused_working_minutes" integer,
	"old_due_at" timestamp with time zone,
	"new_due_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "orders_pending_decisions_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pause_state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_pauses" ADD CONSTRAINT "order_pauses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_pauses" ADD CONSTRAINT "order_pauses_dispatch_id_order_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."order_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_pauses" ADD CONSTRAINT "order_pauses_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_pauses_order_idx" ON "order_pauses" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_pauses_live_idx" ON "order_pauses" USING btree ("status","expected_resume_on") WHERE status in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "order_pauses_started_idx" ON "order_pauses" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "order_pauses_active_dispatch_idx" ON "order_pauses" USING btree ("dispatch_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "orders_pending_decisions_idx" ON "orders" USING btree ("id") WHERE return_judgement_pending or extension_pending or appeal_status = 'pending' or pause_state = 'pending';