CREATE TABLE "kb_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"useful" boolean NOT NULL,
	"query" text,
	"order_id" integer,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_search_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "answer_article_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_feedback" ADD CONSTRAINT "kb_feedback_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_feedback_article_idx" ON "kb_feedback" USING btree ("article_id","at");--> statement-breakpoint
-- hand-written
INSERT INTO "kb_search_state" ("id", "generation") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION kb_search_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kb_search_state SET generation = generation + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER kb_articles_search_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kb_articles"
  FOR EACH STATEMENT EXECUTE FUNCTION kb_search_bump();--> statement-breakpoint
CREATE TRIGGER kb_terms_search_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kb_terms"
  FOR EACH STATEMENT EXECUTE FUNCTION kb_search_bump();--> statement-breakpoint
CREATE TRIGGER kb_synonyms_search_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kb_synonyms"
  FOR EACH STATEMENT EXECUTE FUNCTION kb_search_bump();
