import { z } from 'zod';

/** bcrypt reads at most 72 bytes: a longer password would match any password sharing its first 72 bytes. */
export const PASSWORD_MIN_BYTES = 8;
export const PASSWORD_MAX_BYTES = 72;
export const AVATAR_MAX_BYTES = 512 * 1024;
export const AVATAR_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const DAILY_GOAL_MIN = 5;
export const DAILY_GOAL_MAX = 600;
export const DEFAULT_DAILY_GOAL_MINUTES = 30;

/** Stable issue messages the renderer translates (zod's own texts stay in logs). */
export const PASSWORD_TOO_SHORT = 'password_too_short';
export const PASSWORD_TOO_LONG = 'password_too_long';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const passwordSchema = z
  .string()
  .refine((p) => utf8Bytes(p) >= PASSWORD_MIN_BYTES, { message: PASSWORD_TOO_SHORT })
  .refine((p) => utf8Bytes(p) <= PASSWORD_MAX_BYTES, { message: PASSWORD_TOO_LONG });

export const emailSchema = z.string().trim().toLowerCase().max(255).pipe(z.email({ message: 'invalid_email' }));

/** Letters of any alphabet (a class of Russian students), digits, dot, dash, underscore. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}._-]{3,32}$/u, { message: 'invalid_username' });

export const fullNameSchema = z.string().trim().min(1, { message: 'name_required' }).max(100);
