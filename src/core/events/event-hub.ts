import type { CoreEvent, EventName, EventPayload } from '../../shared/contract';
import { Fanout } from './fanout';

export type EventListener = (event: CoreEvent) => void;

/** Fan-out of core events to whichever seams are listening (IPC windows, HTTP event streams). */
export class EventHub {
  private readonly fanout = new Fanout<CoreEvent>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.fanout.emit({ name, payload } as CoreEvent);
  }

  /** An event built elsewhere (a mutation's announcements, sent once it committed). */
  send(event: CoreEvent): void {
    this.fanout.emit(event);
  }

  subscribe(listener: EventListener): () => void {
    return this.fanout.subscribe(listener);
  }
}
