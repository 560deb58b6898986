import { z } from 'zod';
import { AVATAR_MAX_BYTES, AVATAR_MIME_TYPES, fullNameSchema } from '../accounts';
import { command, mutation, query } from './define';
import { noInput, uuidSchema } from './common';
import { sessionUserSchema } from './accounts';

/** Base64 grows data by a third; the check of the decoded size happens in the core. */
const base64 = z
  .string()
  .max(Math.ceil(AVATAR_MAX_BYTES / 3) * 4 + 4, { message: 'avatar_too_large' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'not_base64' });

export const profileContract = {
  'profile.update': mutation(z.object({ fullName: fullNameSchema }).strict(), sessionUserSchema),
  'profile.setAvatar': command(
    z.object({ mimeType: z.enum(AVATAR_MIME_TYPES), dataBase64: base64 }).strict(),
    sessionUserSchema,
  ),
  'profile.removeAvatar': command(noInput, sessionUserSchema),
  /** The picture as a data: URL, for the sign-in list and the shell. */
  /** By id, or by username (the sign-in screen knows no ids). */
  'profile.avatar': query(
    z.union([z.object({ userId: uuidSchema }).strict(), z.object({ username: z.string().trim().toLowerCase().min(1).max(50) }).strict()]),
    z.object({ dataUrl: z.string().nullable() }),
    'public',
  ),
  /** Everything of the signed-in student's own, as one JSON document. */
  'profile.exportData': query(noInput, z.record(z.string(), z.unknown())),
  'profile.deleteAccount': command(z.object({ password: z.string().min(1).max(1000) }).strict(), z.object({})),
};
