CREATE TABLE "sent_mutations" (
	"user_id" uuid NOT NULL,
	"mutation_id" bigint NOT NULL,
	"name" varchar(100) NOT NULL,
	"args" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sent_mutations_user_id_mutation_id_pk" PRIMARY KEY("user_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "sync_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mutation_name" varchar(100) NOT NULL,
	"args" jsonb NOT NULL,
	"reason" text NOT NULL,
	"rejected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sent_mutations" ADD CONSTRAINT "sent_mutations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_rejections" ADD CONSTRAINT "sync_rejections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Device-only tables, but every table with a user_id is guarded the same way (0007): the server never
-- uses them, and should it ever, a student still sees only their own rows.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sent_mutations', 'sync_rejections'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO teacher_app USING (user_id = teacher_current_user()) WITH CHECK (user_id = teacher_current_user())', t || '_own_rows', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (current_user <> ''teacher_app'') WITH CHECK (current_user <> ''teacher_app'')', t || '_system', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO teacher_app', t);
  END LOOP;
END $$;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE sync_rejections_id_seq TO teacher_app;
