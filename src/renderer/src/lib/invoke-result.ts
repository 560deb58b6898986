import { z } from 'zod';
import { appErrorSchema, type InvokeResult } from '../../../shared/errors';

const invokeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

/** Checks that what came over a seam is an InvokeResult envelope; null when it is anything else. */
export function parseInvokeResult(body: unknown): InvokeResult | null {
  const parsed = invokeResultSchema.safeParse(body);
  return parsed.success ? (parsed.data as InvokeResult) : null;
}
