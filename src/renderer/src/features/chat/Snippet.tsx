import { parseSnippet } from './snippet';

/** A search hit's snippet with its matches highlighted: elements, never HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="chat-hit__snippet" data-testid="chat-hit-snippet">
      {parseSnippet(text).map((part, index) =>
        part.match ? (
          <mark key={index} className="chat-hit__match">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
