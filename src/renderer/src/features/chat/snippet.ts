import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../../../shared/contract/chat';

/** A piece of a search hit's snippet: a matching word or the text around it. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const MARKED = new RegExp(`${SNIPPET_MARK_START}([^${SNIPPET_MARK_END}]*)${SNIPPET_MARK_END}`, 'g');

/** Splits a snippet of `chat.search` into text and matches, to be highlighted as elements (never as HTML). */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    // Two marked words side by side stay two highlights; plain text joins.
    if (last && !match && !last.match) last.text += text;
    else parts.push({ text, match });
  };
  let from = 0;
  for (const found of snippet.matchAll(MARKED)) {
    push(snippet.slice(from, found.index), false);
    push(found[1] ?? '', true);
    from = found.index + found[0].length;
  }
  push(snippet.slice(from), false);
  return parts;
}
