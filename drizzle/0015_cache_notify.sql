-- hand-written: the in-process caches (src/platform/cache.ts) drop a key when its table changes, whoever writes
-- it (a service, the CLI, the demo generator, plain SQL). NOTIFY is delivered when the writing transaction commits.
CREATE OR REPLACE FUNCTION hotline_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hotline_cache', TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER settings_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cache_notify('settings');
--> statement-breakpoint
CREATE TRIGGER calendar_overrides_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cache_notify('calendar');
--> statement-breakpoint
CREATE TRIGGER calendar_years_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cache_notify('calendar');
--> statement-breakpoint
CREATE TRIGGER departments_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cache_notify('departments');
--> statement-breakpoint
CREATE TRIGGER categories_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cache_notify('categories');
--> statement-breakpoint
-- A user's name, role, department or state is part of every cached session of theirs.
CREATE TRIGGER users_cache_notify AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cache_notify('session');
--> statement-breakpoint
-- A revoked or deleted session (a new one needs no notice: it is not cached anywhere yet).
CREATE OR REPLACE FUNCTION hotline_session_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hotline_cache', 'session:' || OLD.token_hash);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_cache_notify AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION hotline_session_cache_notify();
