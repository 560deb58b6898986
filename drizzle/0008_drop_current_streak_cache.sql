ALTER TABLE "users" DROP CONSTRAINT "users_current_streak_days_check";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "current_streak_days";