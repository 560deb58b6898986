-- Change tracking for sync (DESIGN.md §5). Only the central server turns it on (its connections set
-- teacher.track_changes = on); on a device the trigger returns at once.
CREATE FUNCTION sync_next_seq(scope uuid) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  cache_key text := 'teacher_sync.seq_' || replace(scope::text, '-', '');
  cached text := current_setting(cache_key, true);
  tx text := txid_current()::text;
  next_seq bigint;
BEGIN
  -- One number per transaction and scope: taken under the scope row's lock, held to commit, so a
  -- scope's sequence order is its commit order and a cursor never passes a change still in flight.
  IF cached IS NOT NULL AND cached <> '' AND split_part(cached, ':', 1) = tx THEN
    RETURN split_part(cached, ':', 2)::bigint;
  END IF;
  INSERT INTO sync_scopes (scope_id, seq) VALUES (scope, 1)
    ON CONFLICT (scope_id) DO UPDATE SET seq = sync_scopes.seq + 1
    RETURNING seq INTO next_seq;
  PERFORM set_config(cache_key, tx || ':' || next_seq, true);
  RETURN next_seq;
END $$;
--> statement-breakpoint
CREATE FUNCTION sync_track_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec record;
  scope uuid;
BEGIN
  IF coalesce(current_setting('teacher.track_changes', true), '') <> 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN rec := OLD; ELSE rec := NEW; END IF;
  IF TG_ARGV[0] = 'catalogue' THEN
    scope := '00000000-0000-0000-0000-000000000000';
  ELSIF TG_ARGV[0] = 'self' THEN
    scope := rec.id;
  ELSIF TG_ARGV[0] = 'chat_session' THEN
    -- A message deleted with its session: the session's own deletion carries it to devices.
    SELECT user_id INTO scope FROM chat_sessions WHERE id = rec.session_id;
  ELSE
    scope := rec.user_id;
  END IF;
  IF scope IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO sync_changes (scope_id, table_name, row_key, seq, deleted)
    VALUES (scope, TG_TABLE_NAME, rec.id::text, sync_next_seq(scope), TG_OP = 'DELETE')
    ON CONFLICT (scope_id, table_name, row_key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER courses_sync AFTER INSERT OR UPDATE OR DELETE ON courses FOR EACH ROW EXECUTE FUNCTION sync_track_change('catalogue');
--> statement-breakpoint
CREATE TRIGGER lessons_sync AFTER INSERT OR UPDATE OR DELETE ON lessons FOR EACH ROW EXECUTE FUNCTION sync_track_change('catalogue');
--> statement-breakpoint
CREATE TRIGGER achievements_sync AFTER INSERT OR UPDATE OR DELETE ON achievements FOR EACH ROW EXECUTE FUNCTION sync_track_change('catalogue');
--> statement-breakpoint
CREATE TRIGGER users_sync AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION sync_track_change('self');
--> statement-breakpoint
CREATE TRIGGER user_preferences_sync AFTER INSERT OR UPDATE OR DELETE ON user_preferences FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER user_courses_sync AFTER INSERT OR UPDATE OR DELETE ON user_courses FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER user_lessons_sync AFTER INSERT OR UPDATE OR DELETE ON user_lessons FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER learning_plans_sync AFTER INSERT OR UPDATE OR DELETE ON learning_plans FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER exam_courses_sync AFTER INSERT OR UPDATE OR DELETE ON exam_courses FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER chat_sessions_sync AFTER INSERT OR UPDATE OR DELETE ON chat_sessions FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER chat_messages_sync AFTER INSERT OR UPDATE OR DELETE ON chat_messages FOR EACH ROW EXECUTE FUNCTION sync_track_change('chat_session');
--> statement-breakpoint
CREATE TRIGGER user_achievements_sync AFTER INSERT OR UPDATE OR DELETE ON user_achievements FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
CREATE TRIGGER user_activity_log_sync AFTER INSERT OR UPDATE OR DELETE ON user_activity_log FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
-- Row-level security, the second wall behind the server's own checks. The server runs every request
-- of a student as teacher_app (SET LOCAL ROLE) with teacher.user_id set; that role owns nothing and
-- cannot bypass RLS. Roles are cluster-wide: several databases (tests, instances) may race to create it.
-- An operator may create the role beforehand (a migrating role without CREATEROLE could not, and CREATE
-- ROLE checks that privilege before it looks for an existing role), hence the IF.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'teacher_app') THEN
    CREATE ROLE teacher_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT teacher_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege OR invalid_grant_operation THEN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION teacher_current_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('teacher.user_id', true), '')::uuid
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO teacher_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO teacher_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO teacher_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON courses, lessons, achievements FROM teacher_app;
--> statement-breakpoint
-- Tables without a student: the catalogue's bookkeeping and the installation's settings are read-only
-- to students; the server's sign-in limits are none of their business (system steps only).
REVOKE INSERT, UPDATE, DELETE ON content_packs, local_settings FROM teacher_app;
--> statement-breakpoint
REVOKE ALL ON sync_sign_in_limits FROM teacher_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'user_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO teacher_app USING (user_id = teacher_current_user()) WITH CHECK (user_id = teacher_current_user())', t || '_own_rows', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (current_user <> ''teacher_app'') WITH CHECK (current_user <> ''teacher_app'')', t || '_system', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_own_rows ON users TO teacher_app USING (id = teacher_current_user()) WITH CHECK (id = teacher_current_user());
--> statement-breakpoint
CREATE POLICY users_system ON users USING (current_user <> 'teacher_app') WITH CHECK (current_user <> 'teacher_app');
--> statement-breakpoint
ALTER TABLE chat_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE chat_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chat_messages_own_rows ON chat_messages TO teacher_app
  USING (EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = session_id AND s.user_id = teacher_current_user()))
  WITH CHECK (EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = session_id AND s.user_id = teacher_current_user()));
--> statement-breakpoint
CREATE POLICY chat_messages_system ON chat_messages USING (current_user <> 'teacher_app') WITH CHECK (current_user <> 'teacher_app');
--> statement-breakpoint
ALTER TABLE sync_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sync_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sync_changes_own_rows ON sync_changes TO teacher_app
  USING (scope_id = teacher_current_user() OR scope_id = '00000000-0000-0000-0000-000000000000')
  WITH CHECK (scope_id = teacher_current_user());
--> statement-breakpoint
CREATE POLICY sync_changes_system ON sync_changes USING (current_user <> 'teacher_app') WITH CHECK (current_user <> 'teacher_app');
--> statement-breakpoint
ALTER TABLE sync_scopes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sync_scopes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sync_scopes_own_rows ON sync_scopes TO teacher_app
  USING (scope_id = teacher_current_user() OR scope_id = '00000000-0000-0000-0000-000000000000')
  WITH CHECK (scope_id = teacher_current_user());
--> statement-breakpoint
CREATE POLICY sync_scopes_system ON sync_scopes USING (current_user <> 'teacher_app') WITH CHECK (current_user <> 'teacher_app');
--> statement-breakpoint
ALTER TABLE chat_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE chat_drafts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chat_drafts_own_rows ON chat_drafts TO teacher_app
  USING (EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = session_id AND s.user_id = teacher_current_user()))
  WITH CHECK (EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = session_id AND s.user_id = teacher_current_user()));
--> statement-breakpoint
CREATE POLICY chat_drafts_system ON chat_drafts USING (current_user <> 'teacher_app') WITH CHECK (current_user <> 'teacher_app');
