CREATE TABLE "rota_shifts" (
	"id" serial PRIMARY KEY NOT NULL,
	"rota_id" integer NOT NULL,
	"agent" text NOT NULL,
	"member_id" integer,
	"user_id" integer,
	"template" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rota_shifts_times_check" CHECK ("rota_shifts"."ends_at" > "rota_shifts"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "rotas" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_date" date NOT NULL,
	"weeks" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"agents" jsonb NOT NULL,
	"required" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone,
	CONSTRAINT "rotas_status_check" CHECK ("rotas"."status" in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD CONSTRAINT "rota_shifts_rota_id_rotas_id_fk" FOREIGN KEY ("rota_id") REFERENCES "public"."rotas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD CONSTRAINT "rota_shifts_member_id_roster_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."roster_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD CONSTRAINT "rota_shifts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rota_shifts_rota_idx" ON "rota_shifts" USING btree ("rota_id","starts_at");--> statement-breakpoint
CREATE INDEX "rota_shifts_user_idx" ON "rota_shifts" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "rotas_from_idx" ON "rotas" USING btree ("from_date");