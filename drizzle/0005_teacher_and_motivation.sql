CREATE TABLE "chat_drafts" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_study_days" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"study_minutes" integer DEFAULT 0 NOT NULL,
	"lessons_completed" integer DEFAULT 0 NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "user_study_days_user_id_day_pk" PRIMARY KEY("user_id","day"),
	CONSTRAINT "user_study_days_study_minutes_check" CHECK ("user_study_days"."study_minutes" >= 0),
	CONSTRAINT "user_study_days_lessons_completed_check" CHECK ("user_study_days"."lessons_completed" >= 0),
	CONSTRAINT "user_study_days_points_check" CHECK ("user_study_days"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "user_ai_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"provider" varchar(20) NOT NULL,
	"base_url" text,
	"model" varchar(200),
	"api_key_encrypted" text,
	"timeout_seconds" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_ai_settings_provider_check" CHECK ("user_ai_settings"."provider" IN ('offline', 'openai')),
	CONSTRAINT "user_ai_settings_timeout_seconds_check" CHECK ("user_ai_settings"."timeout_seconds" BETWEEN 5 AND 600)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "longest_streak_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_drafts" ADD CONSTRAINT "chat_drafts_session_id_chat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_study_days" ADD CONSTRAINT "user_study_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_ai_settings" ADD CONSTRAINT "user_ai_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_messages_content_search_idx" ON "chat_messages" USING gin (to_tsvector('russian', "content"));--> statement-breakpoint
CREATE INDEX "user_activity_log_user_id_activity_type_idx" ON "user_activity_log" USING btree ("user_id","activity_type");--> statement-breakpoint
CREATE UNIQUE INDEX "user_activity_log_user_id_award_idx" ON "user_activity_log" USING btree ("user_id",("activity_data" ->> 'award')) WHERE ("user_activity_log"."activity_data" ->> 'award') IS NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_longest_streak_days_check" CHECK ("users"."longest_streak_days" >= 0);