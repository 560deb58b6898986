import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-lines';

function parse(chunks: string[]): string[] {
  const parser = createSseParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}

const STREAM = [
  ': keep-alive comment',
  'event: message',
  'data: {"a":1}',
  '',
  'id: 7',
  'data:first',
  'data: second',
  'retry: 100',
  '',
  ':another comment',
  '',
  'data',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');
const EXPECTED = ['{"a":1}', 'first\nsecond', '', '[DONE]'];

describe('SSE parser', () => {
  it('returns the data of each event, joining multi-line data and skipping comments and other fields', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it.each([
    ['LF', STREAM],
    ['CRLF', STREAM.replaceAll('\n', '\r\n')],
    ['CR', STREAM.replaceAll('\n', '\r')],
  ])('gives the same events for a %s stream split at every position, or one character at a time', (_, text) => {
    for (let i = 0; i <= text.length; i++) {
      expect(parse([text.slice(0, i), text.slice(i)])).toEqual(EXPECTED);
    }
    for (let i = 0; i < text.length; i += 7) {
      expect(parse([text.slice(0, i), '', text.slice(i, i + 7), text.slice(i + 7)])).toEqual(EXPECTED);
    }
    expect(parse([...text])).toEqual(EXPECTED);
  });

  it('keeps a blank line made of a CR and an LF in separate chunks as one line break', () => {
    expect(parse(['data: x\r', '\n\r', '\ndata: y\r\n\r\n'])).toEqual(['x', 'y']);
  });

  it('keeps a last event the body ended without a blank line, and nothing for an empty body', () => {
    expect(parse(['data: {"done":true}'])).toEqual(['{"done":true}']);
    expect(parse(['data: a\n\n', 'data: b\n'])).toEqual(['a', 'b']);
    expect(parse([])).toEqual([]);
    expect(parse([': only a comment\n\n'])).toEqual([]);
  });

  it('keeps colons and spaces inside the value, removing only the one space after "data:"', () => {
    expect(parse(['data:  two spaces: and a colon\n\n'])).toEqual([' two spaces: and a colon']);
  });
});
