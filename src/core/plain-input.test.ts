import { describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH, plainInputIssue } from './plain-input';

const nest = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('plain input', () => {
  it('accepts what JSON carries, within the limits', () => {
    for (const value of [undefined, null, true, 0, -1.5, '', 'текст 😀', [], [1, 'a', null], { a: { b: [{ c: 'd' }] } }, nest(MAX_INPUT_DEPTH)]) {
      expect(plainInputIssue(value)).toBeNull();
    }
    expect(plainInputIssue(JSON.parse('{"__proto__":{"role":"admin"}}'))).toBeNull();
  });

  it('refuses NUL and lone surrogates in text and keys, with where they are', () => {
    expect(plainInputIssue({ chat: { content: 'a\u0000b' } })).toEqual({ path: 'chat.content', message: 'text_nul' });
    expect(plainInputIssue({ 'ke\u0000y': 1 })).toEqual({ path: 'ke\u0000y', message: 'text_nul' });
    expect(plainInputIssue(['ok', '\ud800'])).toEqual({ path: '1', message: 'text_not_unicode' });
    expect(plainInputIssue('x\udc00')).toEqual({ path: '', message: 'text_not_unicode' });
  });

  it('refuses depth past the limit without overflowing the stack, even 100,000 levels', () => {
    expect(plainInputIssue(nest(MAX_INPUT_DEPTH + 1))?.message).toBe('too_deep');
    expect(plainInputIssue(nest(100_000))).toEqual({ path: 'a.a.a.a.a.a.a.a.…', message: 'too_deep' });
  });

  it('refuses what is not plain data: infinities, functions, class instances, getters', () => {
    for (const value of [Infinity, NaN, () => 1, new Date(), new Map(), Symbol('s'), 10n, Object.defineProperty({}, 'x', { get: () => 1, enumerable: true })]) {
      expect(plainInputIssue({ v: value })?.message).toBe('not_plain_data');
    }
  });

  it('refuses too many values', () => {
    expect(plainInputIssue(new Array(600_000).fill(0))?.message).toBe('too_many_values');
  });
});
