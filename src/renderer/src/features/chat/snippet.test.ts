import { describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END as E, SNIPPET_MARK_START as S } from '../../../../shared/contract/chat';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('marks the words between the markers', () => {
    expect(parseSnippet(`Как сравнить ${S}дроби${E} с разными ${S}знаменателями${E}?`)).toEqual([
      { text: 'Как сравнить ', match: false },
      { text: 'дроби', match: true },
      { text: ' с разными ', match: false },
      { text: 'знаменателями', match: true },
      { text: '?', match: false },
    ]);
  });

  it('keeps text without markers as it is', () => {
    expect(parseSnippet('просто текст')).toEqual([{ text: 'просто текст', match: false }]);
    expect(parseSnippet('')).toEqual([]);
  });

  it('treats markup as text: nothing here is HTML', () => {
    expect(parseSnippet(`<b>${S}x${E}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('leaves the text’s own quotation marks alone', () => {
    expect(parseSnippet(`в уроке «Сложение дробей с разными ${S}знаменателями${E}»: «дробь»`)).toEqual([
      { text: 'в уроке «Сложение дробей с разными ', match: false },
      { text: 'знаменателями', match: true },
      { text: '»: «дробь»', match: false },
    ]);
  });

  it('keeps neighbouring matches apart', () => {
    expect(parseSnippet(`${S}общему${E} ${S}знаменателю${E}`)).toEqual([
      { text: 'общему', match: true },
      { text: ' ', match: false },
      { text: 'знаменателю', match: true },
    ]);
  });
});
