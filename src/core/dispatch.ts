import { contract, isMethodName } from '../shared/contract';
import type { InvokeResult } from '../shared/errors';
import type { z } from 'zod';
import { describeError, toErrorData } from './errors/to-error-data';
import type { Handlers } from './handlers';

export type Invoke = (method: unknown, input: unknown) => Promise<InvokeResult>;

export interface DispatchLogger {
  error(message: string, data?: Record<string, unknown>): void;
}

const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/**
 * The one entry every seam (IPC, HTTP) calls: rejects unknown names, validates the input against the
 * contract before any handler runs, and checks the output on the way out, so nothing the contract does
 * not declare (a password hash, an internal column) can leave the core.
 */
export function createDispatcher(handlers: Handlers, logger: DispatchLogger): Invoke {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(method).slice(0, 100)}` } };
    }
    const spec = contract[method];
    const input = spec.input.safeParse(rawInput ?? undefined);
    if (!input.success) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}`, issues: describeIssues(input.error) } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        logger.error('handler output breaks the contract', { method, issues: describeIssues(output.error) });
        return { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app' } };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      const data = toErrorData(error);
      if (data.code === 'internal') logger.error('handler failed', { method, error: describeError(error) });
      return { ok: false, error: data };
    }
  };
}
