ALTER TABLE "lessons" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("lessons"."title", '') || ' ' || coalesce("lessons"."topic", '')), 'A')
        || setweight(to_tsvector('russian', coalesce("lessons"."description", '')) || to_tsvector('russian', "lessons"."key_concepts"), 'B')
        || setweight(to_tsvector('russian', coalesce("lessons"."content", '')), 'C')
        || setweight(to_tsvector('russian', jsonb_path_query_array("lessons"."practice_exercises", '$[*].prompt')), 'D')) STORED;
--> statement-breakpoint
-- Dropping the column dropped its index: build it again.
CREATE INDEX "lessons_search_vector_gin_idx" ON "lessons" USING gin ("search_vector");