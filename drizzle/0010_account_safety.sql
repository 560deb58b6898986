-- Hole 6 of the security review. An activity's id was the device's choice (study time, an answer, a
-- sign-in) or uuidV5 of the public user id (a lesson's completion, an award), and the key of the whole
-- table: one student could take another's future row by pushing its id first. A row's id is now
-- derived from its owner and that key, so each student's ids are their own namespace. sha256 (not
-- SHA-1's uuidV5) because PostgreSQL has it built in; version 8 marks a derived id.
CREATE FUNCTION activity_row_id(owner uuid, key uuid) RETURNS uuid LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (substr(h, 1, 12) || '8' || substr(h, 14, 3) || to_hex(8 | (('x' || substr(h, 17, 1))::bit(4)::int & 3)) || substr(h, 18, 15))::uuid
  FROM (SELECT encode(sha256(convert_to('teacher-ai/activity/' || owner::text || '/' || key::text, 'UTF8')), 'hex') AS h) d
$$;--> statement-breakpoint
-- The rows already there get their derived ids the same way on the server and on every device, so
-- nothing needs to travel: the server's change feed is renamed in place (no new sequence numbers, no
-- pull of the whole history), and this very step records no changes.
SELECT set_config('teacher.tracking_before_0009', coalesce(current_setting('teacher.track_changes', true), ''), true);--> statement-breakpoint
SELECT set_config('teacher.track_changes', 'off', true);--> statement-breakpoint
-- The server (change tracking on) renames every row: before this migration no id there was derived, and
-- a chosen id that looks derived must not keep its place. A device may already hold derived rows pulled
-- from an upgraded server (never its own: the server refuses pushes of older devices), and a fact it
-- holds under both ids keeps the derived one.
UPDATE sync_changes SET row_key = activity_row_id(scope_id, row_key::uuid)::text
  WHERE table_name = 'user_activity_log'
    AND (current_setting('teacher.tracking_before_0009', true) = 'on' OR substr(row_key, 15, 1) <> '8');--> statement-breakpoint
DELETE FROM user_activity_log r
  WHERE current_setting('teacher.tracking_before_0009', true) <> 'on' AND substr(r.id::text, 15, 1) <> '8'
    AND EXISTS (SELECT 1 FROM user_activity_log d WHERE d.id = activity_row_id(r.user_id, r.id));--> statement-breakpoint
UPDATE user_activity_log SET id = activity_row_id(user_id, id)
  WHERE current_setting('teacher.tracking_before_0009', true) = 'on' OR substr(id::text, 15, 1) <> '8';--> statement-breakpoint
SELECT set_config('teacher.track_changes', current_setting('teacher.tracking_before_0009', true), true);--> statement-breakpoint
-- Row-level security chooses rows, not columns. A student's own users row, devices and refresh tokens
-- carry what only the server decides (the role, the password, a revocation): teacher_app may change
-- the columns its requests change and nothing else, and creates or deletes none of these rows.
REVOKE INSERT, UPDATE, DELETE ON users FROM teacher_app;--> statement-breakpoint
GRANT UPDATE (full_name, avatar_url, total_points, level, longest_streak_days, total_lessons_completed, updated_at) ON users TO teacher_app;--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON sync_devices FROM teacher_app;--> statement-breakpoint
GRANT UPDATE (last_mutation_id, last_seen_at, revoked_at) ON sync_devices TO teacher_app;--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON sync_refresh_tokens FROM teacher_app;--> statement-breakpoint
GRANT UPDATE (revoked_at) ON sync_refresh_tokens TO teacher_app;--> statement-breakpoint
-- A student may sign out their own device or token, never take a revocation back (a grant cannot say
-- "only from empty to set"). Other roles (the server's system steps, a device) are not held here.
CREATE FUNCTION teacher_app_revocation_sticks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'teacher_app' AND OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
    RAISE EXCEPTION 'a revocation cannot be undone by a student' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER sync_devices_revocation_sticks BEFORE UPDATE ON sync_devices FOR EACH ROW EXECUTE FUNCTION teacher_app_revocation_sticks();--> statement-breakpoint
CREATE TRIGGER sync_refresh_tokens_revocation_sticks BEFORE UPDATE ON sync_refresh_tokens FOR EACH ROW EXECUTE FUNCTION teacher_app_revocation_sticks();
