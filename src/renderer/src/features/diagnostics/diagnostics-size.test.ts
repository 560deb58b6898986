import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../i18n';
import { diagnosticsSize } from './diagnostics-size';

describe('the size of a diagnostics file', () => {
  it('in kilobytes below a megabyte and in megabytes above, written the language’s way', () => {
    expect(diagnosticsSize(createTranslate('ru'), 12_595)).toBe('12,3\u00a0КБ');
    expect(diagnosticsSize(createTranslate('en'), 12_595)).toBe('12.3 KB');
    expect(diagnosticsSize(createTranslate('ru'), 1_572_864)).toBe('1,5\u00a0МБ');
    expect(diagnosticsSize(createTranslate('en'), 40)).toBe('0.1 KB');
  });
});
