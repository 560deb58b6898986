CREATE TABLE "review_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"card_key" varchar(320) NOT NULL,
	"lesson_id" uuid,
	"rating" smallint NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_log_rating_check" CHECK ("review_log"."rating" BETWEEN 1 AND 4)
);
--> statement-breakpoint
ALTER TABLE "user_activity_log" DROP CONSTRAINT "user_activity_log_activity_type_check";--> statement-breakpoint
ALTER TABLE "user_ai_settings" DROP CONSTRAINT "user_ai_settings_provider_check";--> statement-breakpoint
ALTER TABLE "review_log" ADD CONSTRAINT "review_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_log" ADD CONSTRAINT "review_log_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_log_user_id_card_key_idx" ON "review_log" USING btree ("user_id","card_key","reviewed_at");--> statement-breakpoint
ALTER TABLE "user_activity_log" ADD CONSTRAINT "user_activity_log_activity_type_check" CHECK ("user_activity_log"."activity_type" IN ('sign_in', 'course_enrolled', 'lesson_started', 'lesson_completed', 'exercise_answered', 'homework_submitted', 'chat_question', 'plan_generated', 'achievement_unlocked', 'level_reached', 'study_time', 'review_answered'));--> statement-breakpoint
ALTER TABLE "user_ai_settings" ADD CONSTRAINT "user_ai_settings_provider_check" CHECK ("user_ai_settings"."provider" IN ('offline', 'openai', 'embedded'));--> statement-breakpoint
-- The review log replicates (docs/sync.md): the server records its changes for the student's devices.
CREATE TRIGGER review_log_sync AFTER INSERT OR UPDATE OR DELETE ON review_log FOR EACH ROW EXECUTE FUNCTION sync_track_change('user');
--> statement-breakpoint
-- A student's rows only (0007). Appended and never changed: the app role may read and add, not rewrite history.
ALTER TABLE review_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE review_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY review_log_own_rows ON review_log TO teacher_app USING (user_id = teacher_current_user()) WITH CHECK (user_id = teacher_current_user());
--> statement-breakpoint
CREATE POLICY review_log_system ON review_log USING (current_user <> 'teacher_app') WITH CHECK (current_user <> 'teacher_app');
--> statement-breakpoint
GRANT SELECT, INSERT ON review_log TO teacher_app;
