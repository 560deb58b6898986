import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { InvokeResult } from '../../src/shared/errors';
import { createCoreOnDatabase, type Core } from '../../src/core/create-core';
import type { OpenedDatabase } from '../../src/core/db/types';

export interface TestCore extends Core {
  /** Call a method and return its value; throws with the typed error when the call fails. */
  call<M extends MethodName>(method: M, ...input: undefined extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]): Promise<MethodOutput<M>>;
  /** Call a method and return the raw envelope (to assert on errors). */
  raw(method: string, input?: unknown): Promise<InvokeResult>;
}

export class CallFailed extends Error {
  constructor(readonly error: Extract<InvokeResult, { ok: false }>['error']) {
    super(`${error.code}: ${error.message}`);
  }
}

/** A core over a test database that it does not own (closing it leaves the database open). */
export async function createTestCore(database: OpenedDatabase, options: { now?: () => Date } = {}): Promise<TestCore> {
  const errors: unknown[] = [];
  const core = await createCoreOnDatabase(
    { ...database, close: async () => {} },
    { appVersion: '0.0.0-test', now: options.now, logger: { error: (message, data) => errors.push({ message, data }) } },
  );
  return {
    ...core,
    raw: (method, input) => core.invoke(method, input),
    call: (async (method: MethodName, input?: unknown) => {
      const result = await core.invoke(method, input);
      if (!result.ok) throw new CallFailed(result.error);
      return result.value;
    }) as TestCore['call'],
  };
}
