import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACHIEVEMENT_CRITERIA,
  ACTIVITY_TYPES,
  CHAT_ROLES,
  CHAT_SESSION_TYPES,
  DIFFICULTY_LEVELS,
  ENROLMENT_STATUSES,
  EXAM_TYPES,
  LANGUAGES,
  LESSON_STATUSES,
  SUBJECTS,
  THEMES,
  USER_ROLES,
} from '../../src/shared/domain';
import type { Db, OpenedDatabase } from '../../src/core/db/types';
import { openTestPglite, openTestPostgres } from '../support/test-databases';

/**
 * The local database (PGlite, PostgreSQL 18 in WASM) and the central one (PostgreSQL 15) are built by
 * the same `drizzle/` migrations. Services run unchanged on both (docs/architecture.md §1), so the two schemas
 * must be identical, and both must be the data model of docs/architecture.md §3.
 */

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  // node-postgres answers a QueryResult, PGlite a Results object: both carry `rows`.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface Catalog {
  tables: string[];
  columns: Array<Record<string, unknown>>;
  indexes: Array<{ table: string; name: string; def: string }>;
  constraints: Array<{ table: string; name: string; type: string; def: string }>;
  checkColumns: Array<{ table: string; column: string; name: string }>;
  triggers: Array<{ table: string; name: string; def: string }>;
  functions: Array<{ name: string; args: string; def: string }>;
}

async function readCatalog(db: Db): Promise<Catalog> {
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const columns = await rows<Record<string, unknown>>(
    db,
    sql`SELECT table_name, column_name, ordinal_position, data_type, udt_name, character_maximum_length,
               numeric_precision, numeric_scale, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public'
        ORDER BY table_name, ordinal_position`,
  );
  const indexes = await rows<{ table: string; name: string; def: string }>(
    db,
    sql`SELECT tablename AS "table", indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = 'public' ORDER BY tablename, indexname`,
  );
  // PostgreSQL 18 (PGlite) records every NOT NULL as a pg_constraint row of type 'n'
  // (`<table>_<column>_not_null`); PostgreSQL 15 keeps it only in pg_attribute.attnotnull. That is a
  // catalogue difference between the versions, not a schema difference: nullability is compared with
  // the columns above, so type 'n' is left out here.
  const constraints = await rows<{ table: string; name: string; type: string; def: string }>(
    db,
    sql`SELECT c.relname AS "table", con.conname AS name, con.contype::text AS type,
               pg_get_constraintdef(con.oid) AS def
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = con.connamespace
        WHERE n.nspname = 'public' AND con.contype <> 'n' ORDER BY c.relname, con.conname`,
  );
  const checkColumns = await rows<{ table: string; column: string; name: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column", con.conname AS name
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = con.connamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (con.conkey)
        WHERE n.nspname = 'public' AND con.contype = 'c' ORDER BY 1, 2, 3`,
  );
  const triggers = await rows<{ table: string; name: string; def: string }>(
    db,
    sql`SELECT c.relname AS "table", t.tgname AS name, pg_get_triggerdef(t.oid) AS def
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
  );
  const functions = await rows<{ name: string; args: string; def: string }>(
    db,
    sql`SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args, pg_get_functiondef(p.oid) AS def
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prokind = 'f' ORDER BY p.proname, 2`,
  );
  return {
    tables: tables.map((t) => t.name),
    columns,
    indexes,
    constraints,
    checkColumns,
    triggers,
    functions,
  };
}

/** docs/architecture.md §3: the 13 tables of the original data model and the columns named for each. */
const DESIGN_TABLES: Record<string, string[]> = {
  users: [
    'id', 'email', 'username', 'password_hash', 'full_name', 'avatar_url', 'role', 'total_points', 'level',
    // Not current_streak_days: it depends on each machine's "today", so replicas disagreed; it is computed
    // live (migration 0008 dropped it) and longest_streak_days is stored instead.
    'longest_streak_days', 'total_lessons_completed', 'created_at', 'updated_at',
  ],
  user_preferences: ['id', 'user_id', 'theme', 'language', 'tts_voice', 'tts_speed', 'other_settings'],
  courses: [
    'id', 'title', 'description', 'subject', 'grade', 'exam_type', 'difficulty_level', 'total_lessons', 'estimated_hours',
  ],
  lessons: [
    'id', 'course_id', 'lesson_number', 'title', 'topic', 'description', 'content', 'learning_objectives',
    'key_concepts', 'practice_exercises', 'homework',
  ],
  user_courses: [
    'id', 'user_id', 'course_id', 'enrolled_at', 'current_lesson_number', 'completed_lessons', 'progress_percentage',
    'status', 'total_study_time_minutes',
  ],
  user_lessons: [
    'id', 'user_id', 'lesson_id', 'user_course_id', 'status', 'score', 'time_spent_minutes', 'homework_submitted',
    'homework_content', 'homework_feedback',
  ],
  learning_plans: ['id', 'user_id', 'course_id', 'plan_data', 'lessons_structure', 'generated_at', 'last_updated_at'],
  chat_sessions: [
    'id', 'user_id', 'course_id', 'lesson_id', 'session_type', 'started_at', 'ended_at', 'duration_minutes', 'context_data',
  ],
  chat_messages: ['id', 'session_id', 'role', 'content', 'tts_played', 'tts_audio_url', 'created_at'],
  exam_courses: [
    'id', 'user_id', 'exam_type', 'subject', 'progress_percentage', 'topics_completed', 'total_topics', 'last_studied_at',
  ],
  achievements: ['id', 'name', 'title', 'description', 'icon_name', 'criteria_type', 'criteria_value', 'points_reward'],
  user_achievements: ['id', 'user_id', 'achievement_id', 'unlocked_at', 'seen'],
  user_activity_log: ['id', 'user_id', 'activity_type', 'activity_data', 'course_id', 'lesson_id', 'created_at'],
};
const SEED_TABLES = Object.keys(DESIGN_TABLES);

/** The JSONB columns docs/architecture.md §3 names (all of them must be jsonb). */
const JSONB_COLUMNS: Array<[string, string]> = [
  ['user_preferences', 'other_settings'],
  ['lessons', 'learning_objectives'],
  ['lessons', 'key_concepts'],
  ['lessons', 'practice_exercises'],
  ['lessons', 'homework'],
  ['user_lessons', 'homework_content'],
  ['user_lessons', 'homework_feedback'],
  ['learning_plans', 'plan_data'],
  ['learning_plans', 'lessons_structure'],
  ['chat_sessions', 'context_data'],
  ['user_activity_log', 'activity_data'],
];

/** UNIQUE keys of docs/architecture.md §3, by the name drizzle gives them. */
const UNIQUE_KEYS: Array<[table: string, name: string, def: string]> = [
  ['users', 'users_email_unique', 'UNIQUE (email)'],
  ['users', 'users_username_unique', 'UNIQUE (username)'],
  ['user_preferences', 'user_preferences_user_id_unique', 'UNIQUE (user_id)'],
  ['user_courses', 'user_courses_user_id_course_id_unique', 'UNIQUE (user_id, course_id)'],
  ['user_lessons', 'user_lessons_user_id_lesson_id_unique', 'UNIQUE (user_id, lesson_id)'],
  ['learning_plans', 'learning_plans_user_id_course_id_unique', 'UNIQUE (user_id, course_id)'],
  ['exam_courses', 'exam_courses_user_id_exam_type_subject_unique', 'UNIQUE (user_id, exam_type, subject)'],
  ['achievements', 'achievements_name_unique', 'UNIQUE (name)'],
  ['user_achievements', 'user_achievements_user_id_achievement_id_unique', 'UNIQUE (user_id, achievement_id)'],
];

/** Plain and composite indexes of docs/architecture.md §3: table, access method, key list as pg_indexes prints it. */
const INDEXES: Array<[table: string, method: string, keys: string]> = [
  ['users', 'btree', 'created_at'],
  ['courses', 'btree', 'subject'],
  ['courses', 'btree', 'grade'],
  ['courses', 'btree', 'exam_type'],
  ['lessons', 'btree', 'course_id'],
  ['user_courses', 'btree', 'user_id'],
  ['user_courses', 'btree', 'course_id'],
  ['user_courses', 'btree', 'status'],
  ['user_courses', 'btree', 'user_id, status'],
  ['user_lessons', 'btree', 'user_id'],
  ['user_lessons', 'btree', 'lesson_id'],
  ['user_lessons', 'btree', 'status'],
  ['chat_sessions', 'btree', 'user_id'],
  ['chat_sessions', 'btree', 'course_id'],
  ['chat_sessions', 'btree', 'started_at'],
  ['chat_messages', 'btree', 'session_id'],
  ['exam_courses', 'btree', 'user_id'],
  ['exam_courses', 'btree', 'exam_type'],
  ['user_activity_log', 'btree', 'user_id, created_at'],
  // GIN on the JSONB columns the design names.
  ['lessons', 'gin', 'learning_objectives'],
  ['lessons', 'gin', 'key_concepts'],
  ['lessons', 'gin', 'practice_exercises'],
  ['lessons', 'gin', 'homework'],
  ['learning_plans', 'gin', 'plan_data'],
  ['chat_sessions', 'gin', 'context_data'],
];

/** Enumerated columns: the CHECK must allow exactly the values the contract and the UI use (src/shared/domain.ts). */
const ENUM_CHECKS: Array<[table: string, column: string, values: readonly string[]]> = [
  ['users', 'role', USER_ROLES],
  ['user_preferences', 'theme', THEMES],
  ['user_preferences', 'language', LANGUAGES],
  ['courses', 'subject', SUBJECTS],
  ['courses', 'exam_type', EXAM_TYPES],
  ['courses', 'difficulty_level', DIFFICULTY_LEVELS],
  ['user_courses', 'status', ENROLMENT_STATUSES],
  ['user_lessons', 'status', LESSON_STATUSES],
  ['chat_sessions', 'session_type', CHAT_SESSION_TYPES],
  ['chat_messages', 'role', CHAT_ROLES],
  ['exam_courses', 'exam_type', EXAM_TYPES],
  ['exam_courses', 'subject', SUBJECTS],
  ['achievements', 'criteria_type', ACHIEVEMENT_CRITERIA],
  ['user_activity_log', 'activity_type', ACTIVITY_TYPES],
];

/** Bounded columns and counters that must not go negative: each needs a CHECK that mentions it. */
const BOUNDED_COLUMNS: Array<[table: string, column: string]> = [
  ['users', 'total_points'],
  ['users', 'level'],
  ['users', 'longest_streak_days'],
  ['users', 'total_lessons_completed'],
  ['user_preferences', 'tts_speed'],
  ['courses', 'grade'],
  ['courses', 'total_lessons'],
  ['courses', 'estimated_hours'],
  ['lessons', 'lesson_number'],
  ['user_courses', 'current_lesson_number'],
  ['user_courses', 'completed_lessons'],
  ['user_courses', 'progress_percentage'],
  ['user_courses', 'total_study_time_minutes'],
  ['user_lessons', 'score'],
  ['user_lessons', 'time_spent_minutes'],
  ['chat_sessions', 'duration_minutes'],
  ['exam_courses', 'progress_percentage'],
  ['exam_courses', 'topics_completed'],
  ['exam_courses', 'total_topics'],
  ['achievements', 'criteria_value'],
  ['achievements', 'points_reward'],
];

/** The literals of a CHECK's IN list / `= ANY (ARRAY[...])`, as PostgreSQL prints it back. */
const literalsOf = (def: string) => [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'"));

describe('schema parity: PGlite and PostgreSQL 15 built by the same migrations', () => {
  let pglite: OpenedDatabase | undefined;
  let postgres: OpenedDatabase | undefined;
  const catalogs: Record<'pglite' | 'postgres', Catalog> = {} as never;

  beforeAll(async () => {
    [pglite, postgres] = await Promise.all([openTestPglite(), openTestPostgres()]);
    [catalogs.pglite, catalogs.postgres] = await Promise.all([readCatalog(pglite.db), readCatalog(postgres.db)]);
  });

  afterAll(async () => {
    await Promise.all([pglite?.close(), postgres?.close()]);
  });

  it('has the same tables', () => {
    expect(catalogs.pglite.tables.length).toBeGreaterThan(0);
    expect(catalogs.pglite.tables).toEqual(catalogs.postgres.tables);
  });

  it('has the same columns (type, length, precision, nullability, default, order)', () => {
    expect(catalogs.pglite.columns.length).toBeGreaterThan(0);
    expect(catalogs.pglite.columns).toEqual(catalogs.postgres.columns);
  });

  it('has the same indexes', () => {
    expect(catalogs.pglite.indexes.length).toBeGreaterThan(0);
    expect(catalogs.pglite.indexes).toEqual(catalogs.postgres.indexes);
  });

  it('has the same constraints (primary, foreign, unique, check)', () => {
    expect(catalogs.pglite.constraints.length).toBeGreaterThan(0);
    expect(catalogs.pglite.constraints).toEqual(catalogs.postgres.constraints);
  });

  it('has the same triggers', () => {
    expect(catalogs.pglite.triggers.length).toBeGreaterThan(0);
    expect(catalogs.pglite.triggers).toEqual(catalogs.postgres.triggers);
  });

  it('has the same functions in the public schema', () => {
    expect(catalogs.pglite.functions.length).toBeGreaterThan(0);
    expect(catalogs.pglite.functions).toEqual(catalogs.postgres.functions);
  });

  describe.each(['pglite', 'postgres'] as const)('matches docs/architecture.md §3 [%s]', (kind) => {
    const catalog = () => catalogs[kind];
    const columnsOf = (table: string) =>
      catalog()
        .columns.filter((c) => c.table_name === table)
        .map((c) => c.column_name as string);
    const column = (table: string, name: string) =>
      catalog().columns.find((c) => c.table_name === table && c.column_name === name);

    it('has all 13 seed tables with every column the design names', () => {
      expect(SEED_TABLES).toHaveLength(13);
      expect(catalog().tables).toEqual(expect.arrayContaining(SEED_TABLES));
      for (const [table, names] of Object.entries(DESIGN_TABLES)) {
        expect({ table, columns: columnsOf(table) }).toEqual({ table, columns: expect.arrayContaining(names) });
      }
    });

    it('gives every seed table a UUID primary key generated by gen_random_uuid()', () => {
      for (const table of SEED_TABLES) {
        expect({ table, ...column(table, 'id') }).toMatchObject({
          table,
          data_type: 'uuid',
          is_nullable: 'NO',
          column_default: 'gen_random_uuid()',
        });
        const pk = catalog().constraints.filter((c) => c.table === table && c.type === 'p');
        expect({ table, pk: pk.map((c) => c.def) }).toEqual({ table, pk: ['PRIMARY KEY (id)'] });
      }
    });

    it('stores the flexible data as jsonb', () => {
      for (const [table, name] of JSONB_COLUMNS) {
        expect({ table, name, type: column(table, name)?.data_type }).toEqual({ table, name, type: 'jsonb' });
      }
    });

    it('gives every seed table created_at and updated_at (timestamptz, NOT NULL, DEFAULT now())', () => {
      for (const table of SEED_TABLES) {
        for (const name of ['created_at', 'updated_at']) {
          expect({ table, name, ...column(table, name) }).toMatchObject({
            table,
            name,
            data_type: 'timestamp with time zone',
            is_nullable: 'NO',
            column_default: 'now()',
          });
        }
      }
    });

    it('maintains updated_at by a BEFORE UPDATE trigger on every seed table', () => {
      for (const table of SEED_TABLES) {
        const triggers = catalog().triggers.filter(
          (t) => t.table === table && /BEFORE UPDATE ON public\.\S+ FOR EACH ROW EXECUTE FUNCTION set_updated_at\(\)/.test(t.def),
        );
        expect({ table, triggers: triggers.length }).toEqual({ table, triggers: 1 });
      }
    });

    it('keeps courses.total_lessons by triggers on lessons and courses', () => {
      const defs = catalog().triggers.map((t) => t.def);
      expect(defs).toContainEqual(expect.stringMatching(/AFTER INSERT OR DELETE OR UPDATE OF course_id, retired_at ON public\.lessons FOR EACH ROW EXECUTE FUNCTION recount_course_lessons\(\)/));
      expect(defs).toContainEqual(expect.stringMatching(/BEFORE INSERT OR UPDATE OF total_lessons ON public\.courses FOR EACH ROW EXECUTE FUNCTION keep_course_total_lessons\(\)/));
    });

    it('has the named UNIQUE constraints', () => {
      const unique = catalog()
        .constraints.filter((c) => c.type === 'u')
        .map((c) => [c.table, c.name, c.def]);
      expect(unique).toEqual(expect.arrayContaining(UNIQUE_KEYS));
    });

    it('numbers the lessons in a course uniquely; retired lessons keep their numbers outside that', () => {
      const found = catalog().indexes.filter((i) => i.name === 'lessons_active_course_id_lesson_number_idx');
      expect(found.map((i) => i.def)).toEqual([
        'CREATE UNIQUE INDEX lessons_active_course_id_lesson_number_idx ON public.lessons USING btree (course_id, lesson_number) WHERE (retired_at IS NULL)',
      ]);
    });

    it('has the plain, composite and GIN indexes', () => {
      for (const [table, method, keys] of INDEXES) {
        const suffix = ` ON public.${table} USING ${method} (${keys})`;
        const found = catalog().indexes.filter((i) => i.table === table && i.def.endsWith(suffix));
        expect({ table, method, keys, found: found.length }).toEqual({ table, method, keys, found: 1 });
      }
    });

    // Exactly `DESC` (which means NULLS FIRST): an index built `DESC NULLS LAST` cannot serve
    // `ORDER BY created_at DESC`, and every page of a long chat would be sorted again.
    it('defines the chat_messages index exactly as (session_id, created_at DESC)', () => {
      const found = catalog().indexes.filter(
        (i) => i.table === 'chat_messages' && i.def.endsWith('USING btree (session_id, created_at DESC)'),
      );
      expect(found).toHaveLength(1);
    });

    it('has a CHECK on every enumerated column allowing exactly the domain values', () => {
      for (const [table, name, values] of ENUM_CHECKS) {
        const names = catalog()
          .checkColumns.filter((c) => c.table === table && c.column === name)
          .map((c) => c.name);
        const defs = catalog()
          .constraints.filter((c) => c.type === 'c' && names.includes(c.name))
          .map((c) => c.def);
        expect({ table, name, checks: defs.length }).toEqual({ table, name, checks: 1 });
        expect({ table, name, allowed: literalsOf(defs[0]!).sort() }).toEqual({ table, name, allowed: [...values].sort() });
      }
    });

    it('has a CHECK on every bounded column and counter', () => {
      for (const [table, name] of BOUNDED_COLUMNS) {
        const checks = catalog().checkColumns.filter((c) => c.table === table && c.column === name);
        expect({ table, name, hasCheck: checks.length > 0 }).toEqual({ table, name, hasCheck: true });
      }
    });

    it('cascades from the parent where the child cannot live without it; never from the catalogue into progress', () => {
      const fks = catalog()
        .constraints.filter((c) => c.type === 'f')
        .map((c) => `${c.table}: ${c.def}`);
      expect(fks).toEqual(
        expect.arrayContaining([
          'user_preferences: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          'lessons: FOREIGN KEY (course_id) REFERENCES courses(id) ON DELETE CASCADE',
          'user_courses: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          'user_courses: FOREIGN KEY (course_id) REFERENCES courses(id)',
          'user_lessons: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          'user_lessons: FOREIGN KEY (lesson_id) REFERENCES lessons(id)',
          'learning_plans: FOREIGN KEY (course_id) REFERENCES courses(id)',
          'learning_plans: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          'chat_sessions: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          'chat_sessions: FOREIGN KEY (lesson_id) REFERENCES lessons(id) ON DELETE SET NULL',
          'chat_messages: FOREIGN KEY (session_id) REFERENCES chat_sessions(id) ON DELETE CASCADE',
          'exam_courses: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          'user_achievements: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
          // ON UPDATE CASCADE: a row made offline takes the server's id on the first pull (sync).
          'user_achievements: FOREIGN KEY (achievement_id) REFERENCES achievements(id) ON UPDATE CASCADE',
          'user_lessons: FOREIGN KEY (user_course_id) REFERENCES user_courses(id) ON UPDATE CASCADE ON DELETE CASCADE',
          'user_activity_log: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
        ]),
      );
    });
  });
});
