CREATE TABLE "outbox_sequences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_accounts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"server_url" text NOT NULL,
	"device_id" uuid NOT NULL,
	"refresh_token_sealed" text,
	"cursor" varchar(100) DEFAULT '0.0' NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "sync_changes" (
	"scope_id" uuid NOT NULL,
	"table_name" varchar(63) NOT NULL,
	"row_key" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "sync_changes_scope_id_table_name_row_key_pk" PRIMARY KEY("scope_id","table_name","row_key")
);
--> statement-breakpoint
CREATE TABLE "sync_devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_refresh_tokens" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_rejected_mutations" (
	"device_id" uuid NOT NULL,
	"mutation_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"args" jsonb NOT NULL,
	"reason" text NOT NULL,
	"rejected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_rejected_mutations_device_id_mutation_id_pk" PRIMARY KEY("device_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "sync_scopes" (
	"scope_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_sign_in_limits" (
	"login" varchar(255) PRIMARY KEY NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_sign_in_limits_failed_attempts_check" CHECK ("sync_sign_in_limits"."failed_attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "user_lessons" DROP CONSTRAINT "user_lessons_user_course_id_user_courses_id_fk";
--> statement-breakpoint
ALTER TABLE "user_achievements" DROP CONSTRAINT "user_achievements_achievement_id_achievements_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "mutation_id" bigint;--> statement-breakpoint
UPDATE "outbox" o SET "mutation_id" = n.rn FROM (SELECT "id", row_number() OVER (PARTITION BY "user_id" ORDER BY "id") AS rn FROM "outbox") n WHERE o."id" = n."id";--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "mutation_id" SET NOT NULL;--> statement-breakpoint
INSERT INTO "outbox_sequences" ("user_id", "last_mutation_id") SELECT "user_id", max("mutation_id") FROM "outbox" GROUP BY "user_id";--> statement-breakpoint
ALTER TABLE "outbox_sequences" ADD CONSTRAINT "outbox_sequences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_accounts" ADD CONSTRAINT "sync_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_devices" ADD CONSTRAINT "sync_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_refresh_tokens" ADD CONSTRAINT "sync_refresh_tokens_device_id_sync_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."sync_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_refresh_tokens" ADD CONSTRAINT "sync_refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_rejected_mutations" ADD CONSTRAINT "sync_rejected_mutations_device_id_sync_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."sync_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_rejected_mutations" ADD CONSTRAINT "sync_rejected_mutations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_changes_scope_id_seq_idx" ON "sync_changes" USING btree ("scope_id","seq");--> statement-breakpoint
CREATE INDEX "sync_devices_user_id_idx" ON "sync_devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sync_refresh_tokens_device_id_idx" ON "sync_refresh_tokens" USING btree ("device_id");--> statement-breakpoint
ALTER TABLE "user_lessons" ADD CONSTRAINT "user_lessons_user_course_id_user_courses_id_fk" FOREIGN KEY ("user_course_id") REFERENCES "public"."user_courses"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_achievements" ADD CONSTRAINT "user_achievements_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_mutation_id_unique" UNIQUE("user_id","mutation_id");