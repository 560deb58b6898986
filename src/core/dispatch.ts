import { contract, isMethodName } from '../shared/contract';
import type { InvokeResult } from '../shared/errors';
import type { z } from 'zod';
import { describeError, toErrorData } from './errors/to-error-data';
import { plainInputIssue } from './plain-input';
import type { Handlers } from './handlers';
import type { Access } from '../shared/contract/define';
import type { AppErrorData } from '../shared/errors';
import type { Session } from './session/session';

export type Invoke = (method: unknown, input: unknown) => Promise<InvokeResult>;

export interface DispatchLogger {
  error(message: string, data?: Record<string, unknown>): void;
  /** Refused calls, fallbacks; a logger without it (tests) drops them. */
  warn?(message: string, data?: Record<string, unknown>): void;
  info?(message: string, data?: Record<string, unknown>): void;
}

const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/** The role check of a method's declared access, done before its input is even read. */
function refuseAccess(access: Access, session: Pick<Session, 'current'>): AppErrorData | null {
  if (access === 'public') return null;
  const user = session.current;
  if (!user) return { code: 'unauthenticated', message: 'Sign in first' };
  if (access === 'admin' && user.role !== 'admin') return { code: 'forbidden', message: 'Only an admin of this computer may do that' };
  if (access === 'teacher' && user.role === 'student') return { code: 'forbidden', message: 'Only teachers may do that' };
  return null;
}

/**
 * The one entry every seam (IPC, HTTP) calls: rejects unknown names, enforces the method's
 * declared access, validates the input against the contract before any handler runs, and checks the
 * output on the way out, so nothing the contract does not declare (a password hash, an internal column) can leave the core.
 */
export function createDispatcher(handlers: Handlers, logger: DispatchLogger, session: Pick<Session, 'current'>): Invoke {
  return createPartialDispatcher(handlers, logger, session, { code: 'internal', message: 'Something went wrong inside the app' });
}

/**
 * The same dispatcher over some of the contract's methods (the recovery core's): a method without a
 * handler answers `missing` before anything else is looked at.
 */
export function createPartialDispatcher(
  handlers: Partial<Handlers>,
  logger: DispatchLogger,
  session: Pick<Session, 'current'>,
  missing: AppErrorData,
): Invoke {
  const dispatch: Invoke = async (method, rawInput) => {
    if (!isMethodName(method)) {
      // Never String(method): an object's own toString may be anything, or not a function at all.
      const name = typeof method === 'string' ? method.slice(0, 100) : `(a ${method === null ? 'null' : typeof method})`;
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${name}` } };
    }
    const handler = handlers[method] as ((input: unknown) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: missing };
    const spec = contract[method];
    const refused = refuseAccess(spec.access, session);
    if (refused) return { ok: false, error: refused };
    // Limits no schema can express, checked without recursion before zod walks the value.
    const plain = plainInputIssue(rawInput);
    if (plain) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}`, issues: [{ path: plain.path, message: plain.message }] } };
    }
    const input = spec.input.safeParse(rawInput ?? undefined);
    if (!input.success) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}`, issues: describeIssues(input.error) } };
    }
    try {
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
  // Every refusal the person sees is in the log with its reason, for support (internal errors are logged above).
  return async (method, rawInput) => {
    const result = await dispatch(method, rawInput);
    if (!result.ok && result.error.code !== 'internal') {
      const { code, message, issues } = result.error;
      logger.warn?.('call refused', { method: String(method).slice(0, 100), code, message, ...(issues ? { issues } : {}) });
    }
    return result;
  };
}
