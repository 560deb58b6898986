/**
 * A minimal `text/event-stream` parser: feed it decoded text chunks, get the `data` of each
 * complete event (data lines joined by "\n"). Comments, `event:`, `id:` and `retry:` are ignored.
 */
export class EventStreamParser {
  private buffer = '';

  push(chunk: string): string[] {
    this.buffer += chunk;
    const events: string[] = [];
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer);
      if (!match) break;
      const block = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const data = dataOf(block);
      if (data !== null) events.push(data);
    }
    return events;
  }
}

function dataOf(block: string): string | null {
  const lines: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === 'data' || line.startsWith('data:')) {
      const value = line.slice(5);
      lines.push(value.startsWith(' ') ? value.slice(1) : value);
    }
  }
  return lines.length > 0 ? lines.join('\n') : null;
}
