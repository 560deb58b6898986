import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import { api } from './api';

/** Runs `handler` for each pushed event of one name while the component is mounted. */
export function useCoreEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.name === name) latest.current(event.payload as EventPayload<E>);
      }),
    [name],
  );
}
