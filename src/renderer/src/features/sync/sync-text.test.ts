import { describe, expect, it } from 'vitest';
import { SYNC_FAILURES, type SyncStatus } from '../../../../shared/contract/sync';
import { createTranslate } from '../../i18n';
import { ApiError } from '../../lib/api-error';
import { syncChipText, syncErrorText, syncFailureKey, syncReasonKey } from './sync-text';

const status = (change: Partial<SyncStatus>): SyncStatus => ({
  state: 'synced',
  pending: 0,
  lastSyncedAt: null,
  reason: null,
  serverUrl: 'https://sync.school.test',
  deviceId: null,
  ...change,
});

describe('sync in words', () => {
  it('has its own sentence and its own short reason for every failure, in Russian and English', () => {
    for (const language of ['ru', 'en'] as const) {
      const t = createTranslate(language);
      const sentences = SYNC_FAILURES.map((reason) => t(syncFailureKey(reason), { seconds: 5 }));
      const reasons = SYNC_FAILURES.map((reason) => t(syncReasonKey(reason)));
      for (const [index, sentence] of sentences.entries()) {
        expect(sentence, SYNC_FAILURES[index]).toMatch(/^\S.*[.!]$/);
        expect(sentence).not.toMatch(/sync\.|\{/);
        expect(reasons[index]!.length, SYNC_FAILURES[index]).toBeGreaterThan(3);
      }
      expect(new Set(sentences).size).toBe(SYNC_FAILURES.length);
      expect(new Set(reasons).size).toBe(SYNC_FAILURES.length);
    }
  });

  it('says every state in the chip: offline, queued N, syncing, synced at HH:MM, error with why', () => {
    const t = createTranslate('ru');
    const now = new Date('2026-11-25T15:30:00');
    expect(syncChipText(t, status({ state: 'unlinked' }), 'ru', now)).toBe('Только на этом компьютере');
    expect(syncChipText(t, status({ state: 'offline', pending: 2 }), 'ru', now)).toBe('Не в сети · ожидают отправки: 2');
    expect(syncChipText(t, status({ state: 'offline', pending: 0 }), 'ru', now)).toBe('Не в сети');
    expect(syncChipText(t, status({ state: 'queued', pending: 3 }), 'ru', now)).toBe('Ожидают отправки: 3');
    expect(syncChipText(t, status({ state: 'syncing' }), 'ru', now)).toBe('Синхронизация…');
    expect(syncChipText(t, status({ lastSyncedAt: new Date('2026-11-25T14:05:00').toISOString() }), 'ru', now)).toBe('Синхронизировано в 14:05');
    expect(syncChipText(t, status({ lastSyncedAt: new Date('2026-11-24T09:07:00').toISOString() }), 'ru', now)).toMatch(/^Синхронизировано 24 нояб\.? в 09:07$/);
    expect(syncChipText(t, status({ state: 'error', reason: 'sign_in_again' }), 'ru', now)).toBe('Ошибка: нужно войти снова');
    expect(syncChipText(createTranslate('en'), status({ state: 'error', reason: 'gap' }), 'en', now)).toBe('Error: the server lost changes');
    expect(syncChipText(createTranslate('en'), status({ state: 'offline', pending: 4 }), 'en', now)).toBe('Offline · waiting to send: 4');
  });

  it('turns a failed call into the sentence of its sync reason, counting down a rate limit', () => {
    const t = createTranslate('ru');
    const failed = (reason: string, code: ApiError['code'] = 'unavailable') => new ApiError(code, 'x', [{ path: 'sync', message: reason }]);
    expect(syncErrorText(t, failed('server_unreachable'))).toBe(
      'Не удаётся связаться с сервером. Проверьте подключение к интернету и адрес сервера.',
    );
    expect(syncErrorText(t, failed('rate_limited', 'rate_limited'), 12)).toBe('Слишком много попыток. Попробуйте снова через 12 сек.');
    expect(syncErrorText(t, failed('rate_limited', 'rate_limited'), 0)).toBe('Можно попробовать снова.');
    expect(syncErrorText(t, new ApiError('forbidden', 'x', [{ path: 'syncServerUrl', message: 'locked_by_school' }]))).toBe('Настройку задаёт школа');
    expect(syncErrorText(t, new ApiError('internal', 'x'))).toBe(t('error.internal'));
  });
});
