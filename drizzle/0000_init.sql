CREATE TABLE "user_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"theme" varchar(10) DEFAULT 'system' NOT NULL,
	"language" varchar(5) DEFAULT 'ru' NOT NULL,
	"tts_voice" varchar(100),
	"tts_speed" real DEFAULT 1 NOT NULL,
	"other_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_preferences_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "user_preferences_theme_check" CHECK ("user_preferences"."theme" IN ('light', 'dark', 'system')),
	CONSTRAINT "user_preferences_language_check" CHECK ("user_preferences"."language" IN ('ru', 'en')),
	CONSTRAINT "user_preferences_tts_speed_check" CHECK ("user_preferences"."tts_speed" >= 0.5 AND "user_preferences"."tts_speed" <= 2.0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(255) NOT NULL,
	"username" varchar(50) NOT NULL,
	"password_hash" varchar(255) NOT NULL,
	"full_name" varchar(255) NOT NULL,
	"avatar_url" text,
	"role" varchar(20) DEFAULT 'student' NOT NULL,
	"total_points" integer DEFAULT 0 NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	"current_streak_days" integer DEFAULT 0 NOT NULL,
	"total_lessons_completed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('student', 'teacher', 'admin')),
	CONSTRAINT "users_total_points_check" CHECK ("users"."total_points" >= 0),
	CONSTRAINT "users_level_check" CHECK ("users"."level" >= 1),
	CONSTRAINT "users_current_streak_days_check" CHECK ("users"."current_streak_days" >= 0),
	CONSTRAINT "users_total_lessons_completed_check" CHECK ("users"."total_lessons_completed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"subject" varchar(50) NOT NULL,
	"grade" smallint,
	"exam_type" varchar(10),
	"difficulty_level" varchar(10) DEFAULT 'medium' NOT NULL,
	"total_lessons" integer DEFAULT 0 NOT NULL,
	"estimated_hours" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_subject_check" CHECK ("courses"."subject" IN ('math', 'algebra', 'geometry', 'physics', 'chemistry', 'biology', 'informatics', 'russian', 'literature', 'history', 'social_studies', 'geography', 'english', 'other')),
	CONSTRAINT "courses_grade_check" CHECK ("courses"."grade" BETWEEN 1 AND 11),
	CONSTRAINT "courses_exam_type_check" CHECK ("courses"."exam_type" IN ('ЕГЭ', 'ОГЭ')),
	CONSTRAINT "courses_difficulty_level_check" CHECK ("courses"."difficulty_level" IN ('easy', 'medium', 'hard')),
	CONSTRAINT "courses_total_lessons_check" CHECK ("courses"."total_lessons" >= 0),
	CONSTRAINT "courses_estimated_hours_check" CHECK ("courses"."estimated_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"lesson_number" integer NOT NULL,
	"title" varchar(255) NOT NULL,
	"topic" varchar(255) DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"learning_objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"key_concepts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"practice_exercises" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"homework" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lessons_course_id_lesson_number_unique" UNIQUE("course_id","lesson_number"),
	CONSTRAINT "lessons_lesson_number_check" CHECK ("lessons"."lesson_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "user_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_lesson_number" integer DEFAULT 1 NOT NULL,
	"completed_lessons" integer DEFAULT 0 NOT NULL,
	"progress_percentage" numeric(5, 2) DEFAULT 0 NOT NULL,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"total_study_time_minutes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_courses_user_id_course_id_unique" UNIQUE("user_id","course_id"),
	CONSTRAINT "user_courses_status_check" CHECK ("user_courses"."status" IN ('active', 'completed', 'paused', 'dropped')),
	CONSTRAINT "user_courses_current_lesson_number_check" CHECK ("user_courses"."current_lesson_number" >= 1),
	CONSTRAINT "user_courses_completed_lessons_check" CHECK ("user_courses"."completed_lessons" >= 0),
	CONSTRAINT "user_courses_progress_percentage_check" CHECK ("user_courses"."progress_percentage" BETWEEN 0 AND 100),
	CONSTRAINT "user_courses_total_study_time_minutes_check" CHECK ("user_courses"."total_study_time_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "user_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"user_course_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'not_started' NOT NULL,
	"score" integer,
	"time_spent_minutes" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"homework_submitted" boolean DEFAULT false NOT NULL,
	"homework_content" jsonb,
	"homework_feedback" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_lessons_user_id_lesson_id_unique" UNIQUE("user_id","lesson_id"),
	CONSTRAINT "user_lessons_status_check" CHECK ("user_lessons"."status" IN ('not_started', 'in_progress', 'completed', 'reviewed')),
	CONSTRAINT "user_lessons_score_check" CHECK ("user_lessons"."score" BETWEEN 0 AND 100),
	CONSTRAINT "user_lessons_time_spent_minutes_check" CHECK ("user_lessons"."time_spent_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "exam_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"exam_type" varchar(10) NOT NULL,
	"subject" varchar(50) NOT NULL,
	"progress_percentage" numeric(5, 2) DEFAULT 0 NOT NULL,
	"topics_completed" integer DEFAULT 0 NOT NULL,
	"total_topics" integer DEFAULT 50 NOT NULL,
	"last_studied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_courses_user_id_exam_type_subject_unique" UNIQUE("user_id","exam_type","subject"),
	CONSTRAINT "exam_courses_exam_type_check" CHECK ("exam_courses"."exam_type" IN ('ЕГЭ', 'ОГЭ')),
	CONSTRAINT "exam_courses_subject_check" CHECK ("exam_courses"."subject" IN ('math', 'algebra', 'geometry', 'physics', 'chemistry', 'biology', 'informatics', 'russian', 'literature', 'history', 'social_studies', 'geography', 'english', 'other')),
	CONSTRAINT "exam_courses_progress_percentage_check" CHECK ("exam_courses"."progress_percentage" BETWEEN 0 AND 100),
	CONSTRAINT "exam_courses_topics_completed_check" CHECK ("exam_courses"."topics_completed" >= 0 AND "exam_courses"."topics_completed" <= "exam_courses"."total_topics"),
	CONSTRAINT "exam_courses_total_topics_check" CHECK ("exam_courses"."total_topics" > 0)
);
--> statement-breakpoint
CREATE TABLE "learning_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"plan_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lessons_structure" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_plans_user_id_course_id_unique" UNIQUE("user_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"role" varchar(20) NOT NULL,
	"content" text NOT NULL,
	"tts_played" boolean DEFAULT false NOT NULL,
	"tts_audio_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_messages_role_check" CHECK ("chat_messages"."role" IN ('user', 'assistant', 'system'))
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid,
	"lesson_id" uuid,
	"session_type" varchar(20) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_minutes" integer,
	"context_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_sessions_session_type_check" CHECK ("chat_sessions"."session_type" IN ('lesson', 'interactive', 'voice', 'exam_prep')),
	CONSTRAINT "chat_sessions_duration_minutes_check" CHECK ("chat_sessions"."duration_minutes" >= 0),
	CONSTRAINT "chat_sessions_ended_after_started_check" CHECK ("chat_sessions"."ended_at" >= "chat_sessions"."started_at")
);
--> statement-breakpoint
CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"icon_name" varchar(100) DEFAULT 'star' NOT NULL,
	"criteria_type" varchar(50) NOT NULL,
	"criteria_value" integer NOT NULL,
	"points_reward" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "achievements_name_unique" UNIQUE("name"),
	CONSTRAINT "achievements_criteria_type_check" CHECK ("achievements"."criteria_type" IN ('lessons_completed', 'streak_days', 'total_points', 'courses_completed', 'perfect_scores', 'chat_questions', 'homework_submitted', 'exam_topics_mastered', 'level_reached', 'study_minutes', 'exercises_correct', 'plans_generated')),
	CONSTRAINT "achievements_criteria_value_check" CHECK ("achievements"."criteria_value" >= 0),
	CONSTRAINT "achievements_points_reward_check" CHECK ("achievements"."points_reward" >= 0)
);
--> statement-breakpoint
CREATE TABLE "user_achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"unlocked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_achievements_user_id_achievement_id_unique" UNIQUE("user_id","achievement_id")
);
--> statement-breakpoint
CREATE TABLE "user_activity_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"activity_type" varchar(50) NOT NULL,
	"activity_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid,
	"lesson_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_activity_log_activity_type_check" CHECK ("user_activity_log"."activity_type" IN ('sign_in', 'course_enrolled', 'lesson_started', 'lesson_completed', 'exercise_answered', 'homework_submitted', 'chat_question', 'plan_generated', 'achievement_unlocked', 'level_reached', 'study_time'))
);
--> statement-breakpoint
CREATE TABLE "content_packs" (
	"key" varchar(100) PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"checksum" text NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_settings" (
	"key" varchar(100) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"args" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_courses" ADD CONSTRAINT "user_courses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_courses" ADD CONSTRAINT "user_courses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_lessons" ADD CONSTRAINT "user_lessons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_lessons" ADD CONSTRAINT "user_lessons_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_lessons" ADD CONSTRAINT "user_lessons_user_course_id_user_courses_id_fk" FOREIGN KEY ("user_course_id") REFERENCES "public"."user_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_courses" ADD CONSTRAINT "exam_courses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_session_id_chat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_achievements" ADD CONSTRAINT "user_achievements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_achievements" ADD CONSTRAINT "user_achievements_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_log" ADD CONSTRAINT "user_activity_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_log" ADD CONSTRAINT "user_activity_log_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_log" ADD CONSTRAINT "user_activity_log_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "courses_subject_idx" ON "courses" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "courses_grade_idx" ON "courses" USING btree ("grade");--> statement-breakpoint
CREATE INDEX "courses_exam_type_idx" ON "courses" USING btree ("exam_type");--> statement-breakpoint
CREATE INDEX "lessons_course_id_idx" ON "lessons" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "lessons_learning_objectives_gin_idx" ON "lessons" USING gin ("learning_objectives");--> statement-breakpoint
CREATE INDEX "lessons_key_concepts_gin_idx" ON "lessons" USING gin ("key_concepts");--> statement-breakpoint
CREATE INDEX "lessons_practice_exercises_gin_idx" ON "lessons" USING gin ("practice_exercises");--> statement-breakpoint
CREATE INDEX "lessons_homework_gin_idx" ON "lessons" USING gin ("homework");--> statement-breakpoint
CREATE INDEX "user_courses_user_id_idx" ON "user_courses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_courses_course_id_idx" ON "user_courses" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "user_courses_status_idx" ON "user_courses" USING btree ("status");--> statement-breakpoint
CREATE INDEX "user_courses_user_id_status_idx" ON "user_courses" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "user_lessons_user_id_idx" ON "user_lessons" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_lessons_lesson_id_idx" ON "user_lessons" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "user_lessons_status_idx" ON "user_lessons" USING btree ("status");--> statement-breakpoint
CREATE INDEX "user_lessons_user_course_id_idx" ON "user_lessons" USING btree ("user_course_id");--> statement-breakpoint
CREATE INDEX "exam_courses_user_id_idx" ON "exam_courses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "exam_courses_exam_type_idx" ON "exam_courses" USING btree ("exam_type");--> statement-breakpoint
CREATE INDEX "learning_plans_plan_data_gin_idx" ON "learning_plans" USING gin ("plan_data");--> statement-breakpoint
CREATE INDEX "chat_messages_session_id_idx" ON "chat_messages" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "chat_messages_session_id_created_at_idx" ON "chat_messages" USING btree ("session_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "chat_sessions_user_id_idx" ON "chat_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_course_id_idx" ON "chat_sessions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_lesson_id_idx" ON "chat_sessions" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_started_at_idx" ON "chat_sessions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_context_data_gin_idx" ON "chat_sessions" USING gin ("context_data");--> statement-breakpoint
CREATE INDEX "user_achievements_user_id_idx" ON "user_achievements" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_activity_log_user_id_created_at_idx" ON "user_activity_log" USING btree ("user_id","created_at");