import { useEffect, useState, type RefObject } from 'react';
import { toastsWouldCover } from './covers';

const TYPING = 'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"]), textarea, select, [contenteditable]';

/**
 * Whether the toasts move to the top of the window: in their corner at the bottom they would cover
 * the focused control (the chat's question box), which must stay in view (WCAG 2.4.11's intent).
 */
export function useOutOfTheWay(host: RefObject<HTMLElement | null>, count: number): boolean {
  const [top, setTop] = useState(false);
  useEffect(() => {
    if (count === 0) return;
    const check = () => {
      const focused = document.activeElement;
      const area = host.current?.getBoundingClientRect();
      // Only a field being typed into moves them: at the top they cover the header, which is fine while typing.
      if (!area || !(focused instanceof HTMLElement) || !focused.matches(TYPING)) return setTop(false);
      setTop(toastsWouldCover(focused.getBoundingClientRect(), area, { width: window.innerWidth, height: window.innerHeight }));
    };
    check();
    document.addEventListener('focusin', check);
    return () => document.removeEventListener('focusin', check);
  }, [host, count]);
  return top;
}
