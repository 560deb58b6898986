/**
 * The tables that replicate, in the order a device applies them (parents before children). Adding a
 * synced table is an entry here plus its `sync_track_change` trigger in a migration.
 *
 * - scope 'user': the student's own rows; 'catalogue': courses, lessons, achievements, for everyone.
 * - conflict: the key a device merges on. Natural keys (one row per student and course, …) let a row
 *   made offline on the device take the server's id (child rows follow by ON UPDATE CASCADE).
 * - hidden: server columns a device never receives.
 * - references: columns naming a row this device may not have (a course only an untrusted server
 *   knows, an enrolment that did not come): a required one drops the row, an optional one is cleared,
 *   so such a row never fails the whole pull.
 *
 * Not here, on purpose: derived numbers (users' points, level, streak, lesson count; user_study_days)
 * are recomputed on the device from the facts after every pull; local tables (outbox, drafts, AI
 * settings, sign-in guards, sync state) never leave the device.
 */
export interface SyncedTable {
  readonly name: string;
  readonly scope: 'user' | 'catalogue';
  readonly conflict: readonly string[];
  readonly hidden?: readonly string[];
  /** Only these columns are taken from the server (the users row: the rest is the device's own or derived). */
  readonly only?: readonly string[];
  readonly references?: readonly Reference[];
}

export interface Reference {
  readonly column: string;
  readonly table: string;
  /** Cleared (NULL) rather than dropping the row when the row it names is not here. */
  readonly optional?: boolean;
}

const course = { column: 'course_id', table: 'courses' };
const lesson = { column: 'lesson_id', table: 'lessons' };
const optional = (reference: Reference): Reference => ({ ...reference, optional: true });

export const SYNCED_TABLES: readonly SyncedTable[] = [
  // The search vectors are generated columns: each database computes its own.
  { name: 'courses', scope: 'catalogue', conflict: ['id'], hidden: ['search_vector'] },
  { name: 'lessons', scope: 'catalogue', conflict: ['id'], hidden: ['search_vector'] },
  { name: 'achievements', scope: 'catalogue', conflict: ['name'] },
  {
    name: 'users',
    scope: 'user',
    conflict: ['id'],
    hidden: ['password_hash'],
    only: ['full_name', 'email', 'username'],
  },
  { name: 'user_preferences', scope: 'user', conflict: ['user_id'] },
  { name: 'user_courses', scope: 'user', conflict: ['user_id', 'course_id'], references: [course] },
  {
    name: 'user_lessons',
    scope: 'user',
    conflict: ['user_id', 'lesson_id'],
    references: [lesson, { column: 'user_course_id', table: 'user_courses' }],
  },
  { name: 'learning_plans', scope: 'user', conflict: ['user_id', 'course_id'], references: [course] },
  { name: 'exam_courses', scope: 'user', conflict: ['user_id', 'exam_type', 'subject'] },
  { name: 'chat_sessions', scope: 'user', conflict: ['id'], references: [optional(course), optional(lesson)] },
  { name: 'chat_messages', scope: 'user', conflict: ['id'] },
  { name: 'user_achievements', scope: 'user', conflict: ['user_id', 'achievement_id'], references: [{ column: 'achievement_id', table: 'achievements' }] },
  { name: 'user_activity_log', scope: 'user', conflict: ['id'], references: [optional(course), optional(lesson)] },
  { name: 'review_log', scope: 'user', conflict: ['id'], references: [optional(lesson)] },
];

const byName = new Map(SYNCED_TABLES.map((t) => [t.name, t]));

export const syncedTable = (name: string): SyncedTable | undefined => byName.get(name);

/** The scope of the shared catalogue in `sync_changes`: no student has this id. */
export const CATALOGUE_SCOPE = '00000000-0000-0000-0000-000000000000';
