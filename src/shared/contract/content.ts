import { z } from 'zod';
import { COURSE_PUBLISHERS } from '../domain';
import { command, query } from './define';
import { noInput, uuidSchema } from './common';

/** A pack file is read by the page and sent as text; the seam's body limit is 1 MiB. */
export const PACK_MAX_CHARS = 900_000;

/**
 * Why a file is refused, as the `message` of the error's issue (the page says it in the user's
 * language): not JSON, not a course pack, a pack with mistakes (the path says where the first
 * one is, and `pack_problem_count` how many there are), too large.
 */
export const PACK_REFUSALS = ['pack_not_json', 'pack_not_a_pack', 'pack_invalid', 'pack_too_large'] as const;

/**
 * Why an import cannot go ahead, for the preview and for a refused confirmation: an older version than
 * the installed one; a course someone else published (starter, school or another person's import:
 * only an admin replaces it); a course of the school server (changed on the server only); a file that
 * is not the one previewed.
 */
export const IMPORT_BLOCKS = ['older_version', 'not_yours', 'server_course'] as const;
export type ImportBlock = (typeof IMPORT_BLOCKS)[number];
/** The issue message of a confirmation whose file differs from the one previewed. */
export const PACK_CHANGED_SINCE_PREVIEW = 'pack_changed_since_preview';

const packFileSchema = {
  fileName: z.string().trim().min(1).max(255),
  text: z.string().max(PACK_MAX_CHARS, { message: 'pack_too_large' }),
};

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const LESSON_CHANGES = ['new', 'changed', 'unchanged', 'restored'] as const;

export const packPreviewSchema = z.object({
  /** The SHA-256 of the file's text: the confirmation must name it, so what is installed is what was previewed. */
  checksum: sha256Schema,
  courseId: uuidSchema,
  title: z.string(),
  version: z.number().int().min(1),
  /** add: a new course; update: the importer's own course; replace: a course someone else published. */
  action: z.enum(['add', 'update', 'replace']),
  /** What this computer has now (null: nothing). */
  current: z
    .object({
      title: z.string(),
      version: z.number().int().nullable(),
      publisher: z.enum(COURSE_PUBLISHERS).nullable(),
      /** The person who imported it, when a person did. */
      publishedBy: z.string().nullable(),
      retired: z.boolean(),
    })
    .nullable(),
  lessons: z.array(z.object({ number: z.number().int().min(1), title: z.string(), change: z.enum(LESSON_CHANGES) })),
  /** Lessons of the course that are not in the file: retired, with everyone's progress on them kept. */
  retiring: z.array(z.object({ number: z.number().int(), title: z.string(), students: z.number().int().min(0) })),
  /** Whose progress the import touches: students enrolled in the course, and those who studied a retiring lesson. */
  students: z.object({ enrolled: z.number().int().min(0), onRetiringLessons: z.number().int().min(0) }),
  /** Why the import cannot go ahead (null: it can). */
  blocked: z.enum(IMPORT_BLOCKS).nullable(),
});

export const importedCourseSchema = z.object({
  courseId: uuidSchema,
  title: z.string(),
  version: z.number().int().nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  retired: z.boolean(),
  /** The importer and admins may withdraw it. */
  canWithdraw: z.boolean(),
});

export const contentContract = {
  /** Step 1 of an import (teachers and admins): what the file would change; nothing is written. */
  'content.previewPack': query(z.object(packFileSchema).strict(), packPreviewSchema, 'teacher'),
  /**
   * Step 2: install the previewed file (the same text, with the preview's checksum) in one
   * transaction. Lessons that left the pack are retired; nobody's progress is deleted.
   */
  'content.importPack': command(
    z.object({ ...packFileSchema, checksum: sha256Schema }).strict(),
    z.object({ courseId: uuidSchema, title: z.string(), lessons: z.number().int().min(1), updated: z.boolean(), retiredLessons: z.number().int().min(0) }),
    'teacher',
  ),
  /** Courses imported from files on this computer, newest first. */
  'content.importedCourses': query(noInput, z.array(importedCourseSchema), 'teacher'),
  /** Take an imported course out of the catalogue (its importer or an admin): retired, everyone's progress kept. */
  'content.withdrawCourse': command(z.object({ courseId: uuidSchema }).strict(), z.array(importedCourseSchema), 'teacher'),
};

export type PackPreview = z.infer<typeof packPreviewSchema>;
export type ImportedCourse = z.infer<typeof importedCourseSchema>;
export type LessonChange = (typeof LESSON_CHANGES)[number];
