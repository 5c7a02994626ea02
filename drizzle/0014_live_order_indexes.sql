ALTER TABLE "orders" ADD COLUMN "search_tokens" "tsvector";--> statement-breakpoint
CREATE INDEX "orders_live_due_idx" ON "orders" USING btree ("handle_due_at","id") WHERE status in ('dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "orders_live_status_idx" ON "orders" USING btree ("status","department_id") WHERE status in ('submitted', 'registered', 'dispatched', 'in_progress', 'returned', 'replied');--> statement-breakpoint
CREATE INDEX "orders_live_department_idx" ON "orders" USING btree ("department_id","handle_due_at") WHERE status in ('dispatched', 'in_progress', 'returned', 'replied');--> statement-breakpoint
CREATE INDEX "orders_pending_decisions_idx" ON "orders" USING btree ("id") WHERE return_judgement_pending or extension_pending or appeal_status = 'pending';--> statement-breakpoint
CREATE INDEX "orders_co_departments_idx" ON "orders" USING gin ("co_department_ids");--> statement-breakpoint
CREATE INDEX "orders_search_idx" ON "orders" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "orders_unsegmented_idx" ON "orders" USING btree ("id") WHERE search_tokens is null;