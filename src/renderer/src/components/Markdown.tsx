import 'katex/dist/katex.min.css';
import type { KatexOptions } from 'katex';
import type { ComponentPropsWithoutRef, MouseEvent } from 'react';
import ReactMarkdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { remarkDisplayMath } from './remark-display-math';

/**
 * A bad formula shows as red source text instead of breaking the lesson; `trust: false` keeps \href,
 * \url and \includegraphics from making links or loading anything. (rehype-katex also falls back to
 * `throwOnError: false` by itself.)
 */
const KATEX_OPTIONS = { throwOnError: false, strict: 'ignore', trust: false } as const satisfies KatexOptions;

const REMARK_PLUGINS: Options['remarkPlugins'] = [remarkGfm, remarkMath, remarkDisplayMath];
const REHYPE_PLUGINS: Options['rehypePlugins'] = [[rehypeKatex, KATEX_OPTIONS]];

type AnchorProps = ComponentPropsWithoutRef<'a'> & ExtraProps;

/** A jump within the text (a GFM footnote) scrolls there; changing the hash would change the app's route. */
function scrollToTarget(event: MouseEvent<HTMLAnchorElement>, href: string) {
  event.preventDefault();
  document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'center' });
}

/**
 * A link of lesson or model text never navigates the app's window: outside links go to a new window
 * (which the desktop app refuses and hands to nobody), jumps within the text only scroll.
 */
function SafeLink({ href, children, node: _node, ...rest }: AnchorProps) {
  if (!href) return <span>{children}</span>;
  if (href.startsWith('#')) {
    return (
      <a {...rest} href={href} onClick={(event) => scrollToTarget(event, href)}>
        {children}
      </a>
    );
  }
  return (
    <a {...rest} href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

/** The app works offline and loads nothing from elsewhere: a picture of the text shows as its description. */
function ImageAsText({ alt }: ComponentPropsWithoutRef<'img'> & ExtraProps) {
  return alt ? <span className="markdown__image-alt">[{alt}]</span> : null;
}

const COMPONENTS: Components = { a: SafeLink, img: ImageAsText };

interface MarkdownProps {
  /** Markdown with `$…$` and `$$…$$` formulas. */
  text: string;
  /** Inside a sentence (an answer option, a definition): no paragraphs, only their text. */
  inline?: boolean;
  className?: string;
  testId?: string;
}

/**
 * Lesson content, exercise prompts, hints, explanations and homework. Raw HTML of the text is
 * dropped, never run: there is no rehype-raw, `skipHtml` is on, and unsafe URLs (javascript:) are
 * removed by react-markdown's default URL transform.
 */
export function Markdown({ text, inline = false, className, testId }: MarkdownProps) {
  const markdown = (
    <ReactMarkdown
      remarkPlugins={REMARK_PLUGINS}
      rehypePlugins={REHYPE_PLUGINS}
      components={COMPONENTS}
      skipHtml
      disallowedElements={inline ? ['p'] : undefined}
      unwrapDisallowed={inline}
    >
      {text}
    </ReactMarkdown>
  );
  if (inline) {
    return (
      <span className={className ? `markdown markdown--inline ${className}` : 'markdown markdown--inline'} data-testid={testId}>
        {markdown}
      </span>
    );
  }
  return (
    <div className={className ? `markdown ${className}` : 'markdown'} data-testid={testId}>
      {markdown}
    </div>
  );
}
