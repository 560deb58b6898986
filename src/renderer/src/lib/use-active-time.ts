import { useCallback, useEffect, useRef } from 'react';
import { createActiveTime, type ActiveTime } from './active-time';

/** What shows the student is at the page. Pointer movement too: someone reading a formula moves the mouse. */
const INTERACTIONS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart', 'input'] as const;

/**
 * Active study time on the current page since it opened: counted only while the document is visible
 * and the student interacted within the last two minutes. Returns a function that reads it in ms.
 */
export function useActiveTime(): () => number {
  const tracker = useRef<ActiveTime | null>(null);

  useEffect(() => {
    const active = createActiveTime(Date.now(), document.visibilityState === 'visible');
    tracker.current = active;
    const interact = () => active.interact(Date.now());
    const visibility = () => active.setVisible(document.visibilityState === 'visible', Date.now());
    const options = { capture: true, passive: true } as const;
    for (const name of INTERACTIONS) window.addEventListener(name, interact, options);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      for (const name of INTERACTIONS) window.removeEventListener(name, interact, options);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, []);

  return useCallback(() => tracker.current?.activeMs(Date.now()) ?? 0, []);
}
