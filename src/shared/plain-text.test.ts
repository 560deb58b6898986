import { describe, expect, it } from 'vitest';
import { plainLine, plainText as speechText } from './plain-text';

describe('speechText', () => {
  it('drops Markdown marks but keeps the words', () => {
    expect(speechText('## Как сравнить\n\n**Сначала** приведи дроби к _общему_ знаменателю.\n\n- раз\n- два')).toBe(
      'Как сравнить\nСначала приведи дроби к общему знаменателю.\nраз\nдва',
    );
    expect(speechText('Смотри [урок 3](#/lessons/x) и `код`.')).toBe('Смотри урок 3 и код.');
  });

  it('reads simple formulas as words and signs', () => {
    expect(speechText('$\\frac{3}{4} > \\frac{2}{3}$')).toBe('3/4 > 2/3');
    expect(speechText('$$2 \\cdot 3 \\le \\sqrt{49}$$')).toBe('2 × 3 ≤ √49');
    expect(speechText('$x = \\text{пять}$')).toBe('x = пять');
  });

  it('leaves plain text alone', () => {
    expect(speechText('Привет! Давай разберёмся вместе.')).toBe('Привет! Давай разберёмся вместе.');
  });

  it('makes one line of a question, cut at a word', () => {
    expect(plainLine('  **Как** решить\n$\\frac{1}{2}x = 3$?  ', 80)).toBe('Как решить 1/2x = 3?');
    expect(plainLine('раз два три четыре пять', 12)).toBe('раз два три…');
  });
});
