-- Triggers and functions drizzle-kit cannot express. Plain PL/pgSQL that runs on PostgreSQL 15 and on PGlite.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "users_set_updated_at" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "user_preferences_set_updated_at" BEFORE UPDATE ON "user_preferences" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "courses_set_updated_at" BEFORE UPDATE ON "courses" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "lessons_set_updated_at" BEFORE UPDATE ON "lessons" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "user_courses_set_updated_at" BEFORE UPDATE ON "user_courses" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "user_lessons_set_updated_at" BEFORE UPDATE ON "user_lessons" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "learning_plans_set_updated_at" BEFORE UPDATE ON "learning_plans" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "chat_sessions_set_updated_at" BEFORE UPDATE ON "chat_sessions" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "chat_messages_set_updated_at" BEFORE UPDATE ON "chat_messages" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "exam_courses_set_updated_at" BEFORE UPDATE ON "exam_courses" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "achievements_set_updated_at" BEFORE UPDATE ON "achievements" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "user_achievements_set_updated_at" BEFORE UPDATE ON "user_achievements" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "user_activity_log_set_updated_at" BEFORE UPDATE ON "user_activity_log" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER "local_settings_set_updated_at" BEFORE UPDATE ON "local_settings" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
-- courses.total_lessons always equals the number of the course's lessons, whoever writes the lessons.
CREATE OR REPLACE FUNCTION recount_course_lessons() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE courses SET total_lessons = (SELECT count(*) FROM lessons WHERE course_id = NEW.course_id)
    WHERE id = NEW.course_id;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.course_id IS DISTINCT FROM NEW.course_id) THEN
    UPDATE courses SET total_lessons = (SELECT count(*) FROM lessons WHERE course_id = OLD.course_id)
    WHERE id = OLD.course_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "lessons_recount_course_lessons" AFTER INSERT OR DELETE OR UPDATE OF course_id ON "lessons" FOR EACH ROW EXECUTE FUNCTION recount_course_lessons();
--> statement-breakpoint
-- The count is derived: reject direct writes that would make it disagree with the lessons.
CREATE OR REPLACE FUNCTION keep_course_total_lessons() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.total_lessons := 0;
  ELSIF NEW.total_lessons IS DISTINCT FROM OLD.total_lessons AND pg_trigger_depth() < 2 THEN
    NEW.total_lessons := OLD.total_lessons;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "courses_keep_total_lessons" BEFORE INSERT OR UPDATE OF total_lessons ON "courses" FOR EACH ROW EXECUTE FUNCTION keep_course_total_lessons();