import { z } from 'zod';
import { command } from './define';
import { uuidSchema } from './common';

/** A pack file is read by the page and sent as text; the seam's body limit is 1 MiB. */
export const PACK_MAX_CHARS = 900_000;

export const contentContract = {
  /** A teacher or admin installs a course pack from a file (a school's USB stick); the same pack again updates it. */
  'content.importPack': command(
    z.object({ fileName: z.string().trim().min(1).max(255), text: z.string().max(PACK_MAX_CHARS, { message: 'pack_too_large' }) }).strict(),
    z.object({ courseId: uuidSchema, title: z.string(), lessons: z.number().int().min(1), updated: z.boolean() }),
    'teacher',
  ),
};
