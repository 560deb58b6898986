import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/**
 * Bumped whenever the lesson page has reported study minutes: what shows today's minutes and the
 * streak (the header, the dashboard) refreshes, since no core event says so.
 */
export const useStudySignal = create<{ recorded: number; bump: () => void }>()((set) => ({
  recorded: 0,
  bump: () => set((state) => ({ recorded: state.recorded + 1 })),
}));

/** Runs `refresh` each time `signal` changes after the first render. */
export function useRefreshOn(signal: number, refresh: () => void): void {
  const first = useRef(signal);
  useEffect(() => {
    if (signal !== first.current) refresh();
  }, [signal, refresh]);
}
