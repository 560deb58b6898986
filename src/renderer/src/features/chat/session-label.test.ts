import { describe, expect, it } from 'vitest';
import { CHAT_SESSION_TYPES } from '../../../../shared/domain';
import { createTranslate } from '../../i18n';
import { formatDay, sessionTitle, sessionTypeKey } from './session-label';

const now = new Date('2025-12-01T12:00:00');

describe('session labels', () => {
  const t = createTranslate('ru');

  it('uses the title the core gave', () => {
    expect(sessionTitle({ title: 'Урок 1. Дроби', startedAt: '2025-11-25T10:00:00' }, t, 'ru-RU', now)).toBe('Урок 1. Дроби');
  });

  it('falls back to the day the conversation started', () => {
    expect(sessionTitle({ title: null, startedAt: '2025-11-25T10:00:00' }, t, 'ru-RU', now)).toBe('Разговор от 25 ноября');
    expect(sessionTitle({ title: '  ', startedAt: '2024-11-25T10:00:00' }, t, 'ru-RU', now)).toBe('Разговор от 25 ноября 2024 г.');
    expect(sessionTitle({ title: null, startedAt: 'nonsense' }, t, 'ru-RU', now)).toBe('Разговор');
    expect(sessionTitle({ title: null, startedAt: '2025-11-25T10:00:00' }, createTranslate('en'), 'en-GB', now)).toBe(
      'Conversation of 25 November',
    );
  });

  it('formats a day', () => {
    expect(formatDay('2025-03-08T10:00:00', 'ru-RU', now)).toBe('8 марта');
    expect(formatDay('x', 'ru-RU', now)).toBeNull();
  });

  it('names every session type in both languages', () => {
    for (const language of ['ru', 'en'] as const) {
      const translate = createTranslate(language);
      for (const type of CHAT_SESSION_TYPES) expect(translate(sessionTypeKey(type))).not.toContain('chat.type');
    }
  });
});
