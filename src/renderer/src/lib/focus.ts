import { useEffect, useRef, type RefObject } from 'react';

/** The focus is on nothing a student can act on: the element that had it went away. */
export const focusIsLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

/** Moves the focus to `target` when it fell to the page (WCAG 2.4.3); a focus the student moved stays. */
export function rescueFocus(target: HTMLElement | null | undefined): void {
  if (target && focusIsLost()) target.focus();
}

/**
 * When `open` turns false (a dialog or a panel closed, by Escape, «Отмена» or its action), the focus
 * goes back to the control that opened it — after the closed part has left the page, since a modal
 * <dialog> still open makes everything else inert and a removed one leaves the focus on <body>.
 */
export function useReturnFocus(open: boolean, opener: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) rescueFocus(opener.current);
    wasOpen.current = open;
  }, [open, opener]);
}
