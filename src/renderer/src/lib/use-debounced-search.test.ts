import { describe, expect, it } from 'vitest';
import { searchQuery } from './use-debounced-search';

describe('search words', () => {
  it('waits for at least two letters', () => {
    expect(searchQuery('')).toBeNull();
    expect(searchQuery('  д ')).toBeNull();
    expect(searchQuery('др')).toBe('др');
  });

  it('trims and keeps within the contract’s length', () => {
    expect(searchQuery('  дробями  ')).toBe('дробями');
    expect(searchQuery('а'.repeat(300))).toHaveLength(200);
  });
});
