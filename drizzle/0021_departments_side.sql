CREATE TABLE "order_co_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"dispatch_id" integer,
	"department_id" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" integer,
	"replied_at" timestamp with time zone,
	"replied_by" integer,
	"reply" text,
	"released_at" timestamp with time zone,
	"released_by" integer,
	"release_reason" text,
	"closed_at" timestamp with time zone,
	"overdue" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_disputes" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"dispatch_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"category_id" integer,
	"reason" text NOT NULL,
	"proposed_department_id" integer,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" integer,
	"decide_due_at" timestamp with time zone NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_note" text,
	"decided_department_id" integer
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "co_pending_department_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "co_unsigned_department_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "dispute_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_co_tasks" ADD CONSTRAINT "order_co_tasks_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_co_tasks" ADD CONSTRAINT "order_co_tasks_dispatch_id_order_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."order_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_co_tasks" ADD CONSTRAINT "order_co_tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_disputes" ADD CONSTRAINT "order_disputes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_disputes" ADD CONSTRAINT "order_disputes_dispatch_id_order_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."order_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_disputes" ADD CONSTRAINT "order_disputes_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_disputes" ADD CONSTRAINT "order_disputes_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_disputes" ADD CONSTRAINT "order_disputes_proposed_department_id_departments_id_fk" FOREIGN KEY ("proposed_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_disputes" ADD CONSTRAINT "order_disputes_decided_department_id_departments_id_fk" FOREIGN KEY ("decided_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_co_tasks_order_idx" ON "order_co_tasks" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_co_tasks_department_idx" ON "order_co_tasks" USING btree ("department_id","opened_at");--> statement-breakpoint
CREATE INDEX "order_co_tasks_open_due_idx" ON "order_co_tasks" USING btree ("due_at") WHERE replied_at is null and released_at is null and closed_at is null and not overdue;--> statement-breakpoint
CREATE INDEX "order_disputes_order_idx" ON "order_disputes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_disputes_raised_idx" ON "order_disputes" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "order_disputes_pending_idx" ON "order_disputes" USING btree ("decide_due_at") WHERE outcome = 'pending';