import type { Page } from 'playwright-core';

export interface ControlContrast {
  /** Each form field's border against what is behind the field (WCAG 1.4.11 asks at least 3:1). */
  borders: { field: string; ratio: number }[];
  /** The focus ring (`outline`) of a focused field against what is behind it. */
  focusRing: number;
}

/**
 * Contrasts that axe does not measure: the edges of the fields on the screen and the focus ring. The first
 * field is focused as by Tab (`:focus-visible`) to read its ring.
 */
export async function controlContrast(page: Page): Promise<ControlContrast> {
  const selector = 'input.field__input, select.field__input, textarea.field__input';
  await page.locator(selector).first().focus();
  return page.evaluate((fields) => {
    const channels = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (colour: string): number => {
      const [r = 0, g = 0, b = 0] = channels(colour).map((value) => value / 255);
      const linear = (value: number) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (a: string, b: string): number => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
    };
    /** The first opaque background at or above the element (the page's when none is). */
    const backgroundBehind = (element: Element | null): string => {
      for (let at = element; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        const alpha = channels(colour)[3];
        if (colour !== 'transparent' && (alpha === undefined || alpha > 0.99)) return colour;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const elements = [...document.querySelectorAll(fields)].filter((element) => (element as HTMLElement).offsetParent !== null);
    const borders = elements
      .filter((element) => element !== document.activeElement)
      .map((element) => ({
        field: `${element.tagName.toLowerCase()}[name=${element.getAttribute('name') ?? ''}]`,
        ratio: ratio(getComputedStyle(element).borderTopColor, backgroundBehind(element.parentElement)),
      }));
    const focused = document.activeElement;
    const focusRing = focused ? ratio(getComputedStyle(focused).outlineColor, backgroundBehind(focused.parentElement)) : 0;
    return { borders, focusRing };
  }, selector);
}
