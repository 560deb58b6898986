import { describe, expect, it } from 'vitest';
import { answerText, latestAttempt } from './exercise-attempt';

describe('exercise attempts for the teacher', () => {
  const choice = { options: ['1/2', '3/4', '5/8'] };

  it('writes an answer in words', () => {
    expect(answerText(choice, { type: 'single_choice', choice: 1 })).toBe('3/4');
    expect(answerText(choice, { type: 'multiple_choice', choices: [0, 2] })).toBe('1/2; 5/8');
    expect(answerText({ options: null }, { type: 'numeric', text: '2,5' })).toBe('2,5');
    expect(answerText({ options: null }, { type: 'single_choice', choice: 4 })).toBe('5');
  });

  it('is nothing before the first check', () => {
    expect(latestAttempt(choice, null, 0, false)).toBeUndefined();
    expect(latestAttempt(choice, { type: 'single_choice', choice: 0 }, 0, false)).toBeUndefined();
  });

  it('keeps within the contract', () => {
    expect(latestAttempt({ options: null }, { type: 'short_text', text: 'x'.repeat(2_000) }, 300, false)).toEqual({
      answer: 'x'.repeat(1_000),
      correct: false,
      tries: 100,
    });
    expect(latestAttempt(choice, { type: 'single_choice', choice: 2 }, 2, true)).toEqual({ answer: '5/8', correct: true, tries: 2 });
  });
});
