/**
 * What any input must be before its own schema is even tried — at the contract's dispatcher and in the
 * central server's request bodies. Schemas say what a field means; these are limits no field may pass,
 * because past them the database or the runtime fails instead of answering: PostgreSQL cannot store a NUL
 * character in text or jsonb, a lone UTF-16 surrogate is not text at all, and a value nested thousands of
 * levels deep overflows a recursive stringify, a jsonb parser or a stack.
 */
export const MAX_INPUT_DEPTH = 64;
/** Objects, arrays and values in one input; a 1 MiB JSON body has at most about half a million. */
export const MAX_INPUT_NODES = 500_000;

export interface PlainInputIssue {
  /** Where, as dotted keys (`input.contextData.a.b`), cut short for very deep values. */
  path: string;
  message: 'text_nul' | 'text_not_unicode' | 'too_deep' | 'too_many_values' | 'not_plain_data';
}

const pathOf = (keys: readonly (string | number)[]) => {
  const shown = keys.length > 8 ? [...keys.slice(0, 8), '…'] : keys;
  return shown.map(String).join('.');
};

/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const badText = (text: string): PlainInputIssue['message'] | null => {
  if (text.includes('\u0000')) return 'text_nul';
  if (LONE_SURROGATE.test(text)) return 'text_not_unicode';
  return null;
};

/**
 * The first reason `value` is not plain data within the limits, or null. Plain data is what JSON can
 * carry: null, booleans, finite numbers, strings, arrays and plain objects (no functions, symbols, class
 * instances or getters). Walks with a list, not recursion, so a hostile depth cannot overflow it.
 */
export function plainInputIssue(value: unknown, maxDepth = MAX_INPUT_DEPTH): PlainInputIssue | null {
  const pending: { value: unknown; keys: (string | number)[] }[] = [{ value, keys: [] }];
  let nodes = 0;
  while (pending.length > 0) {
    const { value: current, keys } = pending.pop()!;
    if (++nodes > MAX_INPUT_NODES) return { path: pathOf(keys), message: 'too_many_values' };
    if (current === null || current === undefined || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { path: pathOf(keys), message: 'not_plain_data' };
      continue;
    }
    if (typeof current === 'string') {
      const problem = badText(current);
      if (problem) return { path: pathOf(keys), message: problem };
      continue;
    }
    if (typeof current !== 'object') return { path: pathOf(keys), message: 'not_plain_data' };
    if (keys.length >= maxDepth) return { path: pathOf(keys), message: 'too_deep' };
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) pending.push({ value: current[i], keys: [...keys, i] });
      continue;
    }
    const prototype = Object.getPrototypeOf(current) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return { path: pathOf(keys), message: 'not_plain_data' };
    for (const key of Object.keys(current)) {
      const problem = badText(key);
      if (problem) return { path: pathOf([...keys, key]), message: problem };
      const descriptor = Object.getOwnPropertyDescriptor(current, key)!;
      if (!('value' in descriptor)) return { path: pathOf([...keys, key]), message: 'not_plain_data' };
      pending.push({ value: descriptor.value, keys: [...keys, key] });
    }
  }
  return null;
}
