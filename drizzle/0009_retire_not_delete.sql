-- Retire, never delete (issue 21, holes 2 and 5): a course or lesson that leaves the catalogue is retired
-- (retired_at), students' progress can no longer be deleted with it (NO ACTION instead of CASCADE: PGlite and PostgreSQL refuse with the same error), retired
-- lessons keep their numbers outside the unique numbering, and each course records who published it.
CREATE TABLE "course_publishers" (
	"course_id" uuid PRIMARY KEY NOT NULL,
	"publisher" varchar(20) NOT NULL,
	"published_by" uuid,
	"pack_key" varchar(100),
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_publishers_publisher_check" CHECK ("course_publishers"."publisher" IN ('starter', 'school', 'import', 'server'))
);
--> statement-breakpoint
ALTER TABLE "lessons" DROP CONSTRAINT "lessons_course_id_lesson_number_unique";--> statement-breakpoint
ALTER TABLE "user_courses" DROP CONSTRAINT "user_courses_course_id_courses_id_fk";
--> statement-breakpoint
ALTER TABLE "user_lessons" DROP CONSTRAINT "user_lessons_lesson_id_lessons_id_fk";
--> statement-breakpoint
ALTER TABLE "learning_plans" DROP CONSTRAINT "learning_plans_course_id_courses_id_fk";
--> statement-breakpoint
ALTER TABLE "user_achievements" DROP CONSTRAINT "user_achievements_achievement_id_achievements_id_fk";
--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_publishers" ADD CONSTRAINT "course_publishers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_publishers" ADD CONSTRAINT "course_publishers_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_courses" ADD CONSTRAINT "user_courses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_lessons" ADD CONSTRAINT "user_lessons_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_achievements" ADD CONSTRAINT "user_achievements_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "lessons_active_course_id_lesson_number_idx" ON "lessons" USING btree ("course_id","lesson_number") WHERE "lessons"."retired_at" IS NULL;--> statement-breakpoint
-- courses.total_lessons counts the lessons in the course now: a retired lesson leaves the count (it stays for those who studied it).
CREATE OR REPLACE FUNCTION recount_course_lessons() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE courses SET total_lessons = (SELECT count(*) FROM lessons WHERE course_id = NEW.course_id AND retired_at IS NULL)
    WHERE id = NEW.course_id;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.course_id IS DISTINCT FROM NEW.course_id) THEN
    UPDATE courses SET total_lessons = (SELECT count(*) FROM lessons WHERE course_id = OLD.course_id AND retired_at IS NULL)
    WHERE id = OLD.course_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "lessons_recount_course_lessons" ON "lessons";
--> statement-breakpoint
CREATE TRIGGER "lessons_recount_course_lessons" AFTER INSERT OR DELETE OR UPDATE OF course_id, retired_at ON "lessons" FOR EACH ROW EXECUTE FUNCTION recount_course_lessons();
