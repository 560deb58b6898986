/**
 * The words of a reply, for reading aloud: Markdown's marks and a formula's TeX commands would be
 * read out as symbols, so they go, and the simple formulas become words a voice can say.
 */
export function speechText(markdown: string): string {
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
