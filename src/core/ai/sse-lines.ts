/**
 * Incremental parser for server-sent events (the framing of OpenAI streaming).
 * Network chunks split lines and events anywhere, even between the CR and LF of one line break,
 * so the parser keeps the unfinished line and the unfinished event between calls.
 */
export interface SseParser {
  /** Feeds decoded text; returns the `data` of every event completed by it, in order. */
  push(text: string): string[];
  /** The body ended: finishes the last line and event. */
  end(): string[];
}

const LF = 10;
const CR = 13;

export function createSseParser(): SseParser {
  let partialLine = '';
  let data: string[] = [];
  // A CR at the very end of a chunk ends the line; an LF starting the next chunk belongs to it.
  let skipLeadingLf = false;

  function dispatch(out: string[]): void {
    if (data.length > 0) out.push(data.join('\n'));
    data = [];
  }

  function takeLine(line: string, out: string[]): void {
    if (line === '') return dispatch(out);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    if ((colon === -1 ? line : line.slice(0, colon)) !== 'data') return;
    const value = colon === -1 ? '' : line.slice(colon + 1);
    data.push(value.startsWith(' ') ? value.slice(1) : value);
  }

  return {
    push(text) {
      const out: string[] = [];
      if (text === '') return out;
      let start = skipLeadingLf && text.charCodeAt(0) === LF ? 1 : 0;
      skipLeadingLf = false;
      for (let i = start; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch !== LF && ch !== CR) continue;
        takeLine(partialLine + text.slice(start, i), out);
        partialLine = '';
        if (ch === CR) {
          if (i + 1 === text.length) skipLeadingLf = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        start = i + 1;
      }
      partialLine += text.slice(start);
      return out;
    },
    end() {
      const out: string[] = [];
      if (partialLine !== '') takeLine(partialLine, out);
      partialLine = '';
      skipLeadingLf = false;
      // The spec drops an event the body cut short; we keep it, since some servers omit the last blank
      // line, and a half-written JSON payload still fails to parse downstream.
      dispatch(out);
      return out;
    },
  };
}
