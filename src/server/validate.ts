import type { z } from 'zod';
import { HttpError } from './http-errors';

/**
 * A request body (or query value) checked against a shared zod type; 400 with every issue otherwise.
 * Issues carry the field's path and zod's message, never the value given (it may be a password).
 */
export function parseRequest<S extends z.ZodType>(schema: S, raw: unknown, what = 'request body'): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpError(400, `The ${what} is not valid.`, undefined, {}, {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}
