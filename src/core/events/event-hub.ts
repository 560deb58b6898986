import type { CoreEvent, EventName, EventPayload } from '../../shared/contract';

export type EventListener = (event: CoreEvent) => void;

/** Fan-out of core events to whichever seams are listening (IPC windows, HTTP event streams). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as CoreEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed window) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
