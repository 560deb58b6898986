import { createElement } from 'react';
// The browser build of React's static renderer (`react-dom/server` would read as the src/server layer to the import rule).
import { renderToStaticMarkup } from 'react-dom/server.browser';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const render = (text: string, inline = false) => renderToStaticMarkup(createElement(Markdown, { text, inline }));

describe('Markdown', () => {
  it('renders formulas with KaTeX, inline and on their own line', () => {
    const html = render('Дробь $\\frac{3}{4}$ и\n\n$$\\frac{a}{b}$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    expect(html.match(/katex-display/g)).toHaveLength(1);
  });

  it('renders $$…$$ written on one line as a formula on its own line, but not inside a sentence', () => {
    expect(render('Текст\n\n$$\\frac{a}{b}$$\n\nещё')).toContain('katex-display');
    expect(render('- $$x^2$$')).toContain('katex-display');
    expect(render('Сумма $$a + b$$ равна c')).not.toContain('katex-display');
  });

  it('shows a broken formula as text instead of failing', () => {
    expect(() => render('$\\frac{1}{$ и $\\unknowncommand{x}$')).not.toThrow();
  });

  it('does not let KaTeX make links or load anything', () => {
    const html = render('$\\href{javascript:alert(1)}{x}$ $\\includegraphics{http://example.com/a.png}$');
    expect(html).not.toMatch(/<a |<img /);
  });

  it('drops raw HTML of the text instead of running it', () => {
    const html = render('Текст <script>alert(1)</script> <img src=x onerror="alert(1)"> <b onclick="x()">жирный</b>\n\n<iframe src="https://example.com"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|onclick|<b>/);
    expect(html).toContain('Текст');
  });

  it('opens links elsewhere, never in the app window, and drops javascript: URLs', () => {
    const html = render('[сайт](https://example.com) [плохо](javascript:alert(1))');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noreferrer noopener"');
    expect(html).not.toContain('javascript:');
  });

  it('shows a picture as its description, loading nothing', () => {
    const html = render('![схема движения](https://example.com/a.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('схема движения');
  });

  it('renders GFM tables and lists', () => {
    const html = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n- один\n- два');
    expect(html).toContain('<table>');
    expect(html).toContain('<li>один</li>');
  });

  it('inline: keeps the text of a paragraph without the paragraph', () => {
    const html = render('**верно** $\\frac{1}{2}$', true);
    expect(html).not.toContain('<p>');
    expect(html).toContain('<strong>верно</strong>');
    expect(html).toContain('class="katex"');
  });
});
