ALTER TABLE "courses" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("courses"."title", '')), 'A') || setweight(to_tsvector('russian', coalesce("courses"."description", '')), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("lessons"."title", '') || ' ' || coalesce("lessons"."topic", '')), 'A')
        || setweight(to_tsvector('russian', coalesce("lessons"."description", '')) || to_tsvector('russian', "lessons"."key_concepts"), 'B')
        || setweight(to_tsvector('russian', coalesce("lessons"."content", '')), 'C')
        || setweight(to_tsvector('russian', "lessons"."practice_exercises"), 'D')) STORED;--> statement-breakpoint
CREATE INDEX "courses_search_vector_gin_idx" ON "courses" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "lessons_search_vector_gin_idx" ON "lessons" USING gin ("search_vector");