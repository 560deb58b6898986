import type { z } from 'zod';
import { ApiError } from './api-error';

/** Messages of a failure by form field: `invalid_input` and `conflict` issues name the field in `path`. */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrorsOf(error: ApiError | null): FieldErrors {
  if (!error || (error.code !== 'invalid_input' && error.code !== 'conflict')) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** True when the failure is fully explained next to the fields, so no sentence for the whole form is needed. */
export function explainedByFields(error: ApiError | null): boolean {
  return error !== null && Object.keys(fieldErrorsOf(error)).length > 0;
}

/**
 * Checks a form against the same schema the core uses, before anything is sent; the failure has the
 * shape of the core's own `invalid_input`, so both show the same way.
 */
export function checkInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ApiError('invalid_input', 'The form is not filled in correctly', issues);
}
