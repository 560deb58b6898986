import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules: what a school must meet (best practices are not asked for). */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** One line per element: its selector and axe's summary of what is wrong with it. */
  nodes: string[];
}

/**
 * Runs axe-core on the page as it is now and returns the violations of `impacts`. Injected through the
 * debugger (not a <script> tag), so the app's Content-Security-Policy stays as it is.
 */
export async function axeViolations(page: Page, impacts: readonly string[] = ['critical', 'serious']): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    }));
  }, WCAG_21_AA);
  return violations.filter((violation) => impacts.includes(violation.impact));
}

/** A readable list for a failed assertion: which rule, where, and why. */
export const describeViolations = (violations: readonly AxeViolation[]): string =>
  violations.map((violation) => `${violation.impact} ${violation.rule} (${violation.help}):\n  ${violation.nodes.slice(0, 8).join('\n  ')}`).join('\n');
