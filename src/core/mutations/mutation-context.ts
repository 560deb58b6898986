import type { AchievementCriterion } from '../../shared/domain';
import type { CoreEvent, EventName, EventPayload } from '../../shared/contract';
import type { Db } from '../db/types';

/** A study day's numbers before and after this change. */
export interface DayChange {
  day: string;
  before: { minutes: number; lessons: number };
  after: { minutes: number; lessons: number };
}

/** What a change did to the student's activity log: the facts the rewards are refreshed from. */
export interface ActivityTouched {
  /** A fact was added; without one, nothing a reward depends on moved. */
  recorded: boolean;
  points: number;
  days: DayChange[];
  /** The achievement criteria this change's activity may have moved: only those are evaluated. */
  criteria: Set<AchievementCriterion>;
}

/**
 * One change in the making: the transaction it runs in, whose it is, and what it touched, handed to
 * the mutation's apply function (and on to `recordActivity`) rather than looked up on the side, so the
 * rewards are refreshed and announced the same way whichever handler started it.
 */
export interface MutationContext {
  readonly tx: Db;
  readonly userId: string;
  readonly activity: ActivityTouched;
  /** Sent once the change has committed (`MutationRunner.run`); a replay (the server, a rebase) drops them. */
  announce<E extends EventName>(name: E, payload: EventPayload<E>): void;
  readonly announced: readonly CoreEvent[];
}

export function mutationContext(tx: Db, userId: string): MutationContext {
  const announced: CoreEvent[] = [];
  return {
    tx,
    userId,
    activity: { recorded: false, points: 0, days: [], criteria: new Set() },
    announce: (name, payload) => {
      announced.push({ name, payload } as CoreEvent);
    },
    announced,
  };
}
