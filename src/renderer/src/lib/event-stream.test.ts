import { describe, expect, it } from 'vitest';
import { EventStreamParser } from './event-stream';

describe('EventStreamParser', () => {
  it('yields the data of complete events, across chunk boundaries', () => {
    const parser = new EventStreamParser();
    expect(parser.push(': connected\n\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\n\ndata: 2\n')).toEqual(['{"a":1}']);
    expect(parser.push('\n')).toEqual(['2']);
  });

  it('joins multi-line data, ignores other fields and accepts CRLF', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: x\r\nid: 7\r\ndata: one\r\ndata:two\r\n\r\n: heartbeat\r\n\r\n')).toEqual(['one\ntwo']);
  });
});
