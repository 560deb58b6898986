import { describe, expect, it } from 'vitest';
import { AI_FAILURE_REASONS } from '../../../../shared/contract/ai';
import { createTranslate } from '../../i18n';
import { aiReasonKey } from './ai-reason';

describe('aiReasonKey', () => {
  it('has its own non-empty sentence for every failure reason, in Russian and English', () => {
    for (const language of ['ru', 'en'] as const) {
      const t = createTranslate(language);
      const sentences = AI_FAILURE_REASONS.map((reason) => t(aiReasonKey(reason)));
      for (const [index, sentence] of sentences.entries()) {
        expect(sentence, AI_FAILURE_REASONS[index]).toMatch(/^\S.*[.!]$/);
        expect(sentence).not.toContain('chat.reason.');
      }
      expect(new Set(sentences).size).toBe(AI_FAILURE_REASONS.length);
    }
  });

  it('says what the student can do when the server is not there', () => {
    expect(createTranslate('ru')(aiReasonKey('unreachable'))).toBe(
      'Не удаётся подключиться к серверу по этому адресу. Проверьте, что он запущен.',
    );
    expect(createTranslate('ru')(aiReasonKey('unauthorized'))).toBe('Сервер не принял ключ API.');
  });
});
