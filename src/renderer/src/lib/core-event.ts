import { eventsContract, type CoreEvent } from '../../../shared/contract';

/** A pushed event checked against the events contract; null for anything unknown or malformed. */
export function parseCoreEvent(raw: unknown): CoreEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(eventsContract, name)) return null;
  const schema = eventsContract[name as keyof typeof eventsContract];
  const parsed = schema.safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as CoreEvent) : null;
}
