/** The little of mdast this plugin reads (remark-math's `inlineMath` nodes and their paragraphs). */
interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number } };
  data?: { hProperties?: Record<string, unknown> };
}

const isBlank = (node: MdNode) => node.type === 'text' && !('value' in node && String(node.value).trim());

/**
 * `$$…$$` on a line of its own is a formula on its own line, as lesson authors write it (remark-math
 * alone renders it inline unless the `$$` fences are on separate lines): such a paragraph's formula is
 * rendered in KaTeX display mode.
 */
export function remarkDisplayMath() {
  return (tree: MdNode, file: { value: unknown }) => {
    const source = String(file.value);
    const visit = (node: MdNode) => {
      if (node.type === 'paragraph' && node.children) {
        const content = node.children.filter((child) => !isBlank(child));
        const [only] = content;
        const start = only?.position?.start.offset;
        if (content.length === 1 && only?.type === 'inlineMath' && start !== undefined && source.startsWith('$$', start)) {
          only.data = { ...only.data, hProperties: { ...only.data?.hProperties, className: ['language-math', 'math-display'] } };
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
