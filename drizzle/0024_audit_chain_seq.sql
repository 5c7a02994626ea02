ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
-- Rows chained so far were chained in id order: their places are 1, 2, … in that order (issue 18).
UPDATE "audit_log" AS a SET "chain_seq" = s.n FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "audit_log" WHERE "hash" IS NOT NULL) AS s WHERE a."id" = s."id";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_idx" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_log_pending_idx" ON "audit_log" USING btree ("id") WHERE hash is null;
