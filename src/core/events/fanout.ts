/**
 * One value to every listener, in the order they subscribed; a listener that throws (a closed window)
 * does not stop the others. The core's events, the local app's seam and the outbox's commits use it.
 */
export class Fanout<T> {
  private readonly listeners = new Set<(value: T) => void>();

  emit(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch {
        // A broken listener must not stop the others.
      }
    }
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
