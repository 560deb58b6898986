import { z } from 'zod';

/** Error codes every seam can return. The renderer turns each into a sentence in the user's language. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** English, for logs and developers; the UI shows its own translation of `code`. */
  message: z.string(),
  issues: z.array(errorIssueSchema).optional(),
  /** For `rate_limited`: how long until the next attempt is allowed. */
  retryAfterSeconds: z.number().int().min(0).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** What every contract call returns across a seam: a value or a typed error, never a thrown exception. */
export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorData };
