import { useEffect, useState, type RefObject } from 'react';
import { toastsWouldCover } from './covers';

const TYPING = 'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"]), textarea, select, [contenteditable]';

/** Marks a part of a page the toasts must never cover, wherever the focus is (the chat's question box and «Отправить»). */
export const KEEP_CLEAR = 'data-keep-clear-of-toasts';

/**
 * Whether the toasts move to the top of the window: in their corner at the bottom they would cover
 * the focused control (the chat's question box) or a part of the page marked `KEEP_CLEAR` (its send
 * button, clicked with the mouse), which must stay in view (WCAG 2.4.11's intent).
 */
export function useOutOfTheWay(host: RefObject<HTMLElement | null>, count: number): boolean {
  const [top, setTop] = useState(false);
  useEffect(() => {
    if (count === 0) return;
    const check = () => {
      const focused = document.activeElement;
      const area = host.current?.getBoundingClientRect();
      if (!area) return setTop(false);
      // A field being typed into moves them: at the top they cover the header, which is fine while typing.
      const clear = [...document.querySelectorAll<HTMLElement>(`[${KEEP_CLEAR}]`)];
      if (focused instanceof HTMLElement && focused.matches(TYPING)) clear.push(focused);
      const size = { width: window.innerWidth, height: window.innerHeight };
      setTop(clear.some((element) => toastsWouldCover(element.getBoundingClientRect(), area, size)));
    };
    check();
    document.addEventListener('focusin', check);
    window.addEventListener('resize', check);
    return () => {
      document.removeEventListener('focusin', check);
      window.removeEventListener('resize', check);
    };
  }, [host, count]);
  return top;
}
