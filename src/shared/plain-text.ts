/**
 * The words of a reply as plain text — for reading aloud, a conversation's title, a search snippet:
 * Markdown's marks and a formula's TeX commands would be read out (or shown) as symbols, so they go,
 * and the simple formulas become signs anyone reads.
 */
export function plainText(markdown: string): string {
  return (
    markdown
      // Code blocks are read as they are, without their fences.
      .replace(/```[^\n]*\n?/g, '')
      // Links and pictures: their text.
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2')
      .replace(/\\sqrt\{([^{}]*)\}/g, '√$1')
      .replace(/\\(?:cdot|times)/g, '×')
      .replace(/\\div/g, '÷')
      .replace(/\\(?:le|leq)\b/g, '≤')
      .replace(/\\(?:ge|geq)\b/g, '≥')
      .replace(/\\ne(?:q)?\b/g, '≠')
      .replace(/\\(?:left|right|displaystyle|quad|qquad|,|;|!)/g, ' ')
      .replace(/\\text\{([^{}]*)\}/g, '$1')
      .replace(/\\[a-zA-Z]+/g, ' ')
      .replace(/[{}$]/g, '')
      // Headings, quotes, list marks and emphasis.
      .replace(/^\s{0,3}(?:#{1,6}|>)\s*/gm, '')
      .replace(/^\s*[-*+]\s+/gm, '')
      .replace(/(\*\*|__|\*|_|~~|`)/g, '')
      .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$/gm, '')
      .replace(/\|/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{2,}/g, '\n')
      .trim()
  );
}

/** Plain text on one line, cut at a word to at most `max` characters (with «…» when cut). */
export function plainLine(markdown: string, max: number): string {
  const line = plainText(markdown).replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  // A cut just before a space ends on a whole word already.
  const space = line[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
