import { expect } from 'vitest';
import { ProviderError } from '../../src/core/ai/provider';

/** The ProviderError a piece of work fails with (the test fails when it succeeds or throws anything else). */
export async function failure(work: Promise<unknown>): Promise<ProviderError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
