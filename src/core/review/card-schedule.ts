import { createEmptyCard, fsrs, State, type Grade } from 'ts-fsrs';

/** FSRS's ratings: 1 again (forgotten), 2 hard, 3 good, 4 easy. */
export type ReviewRating = 1 | 2 | 3 | 4;

export interface ReviewEntry {
  /** The row's id: it breaks ties between reviews of the same instant, the same way everywhere. */
  id: string;
  rating: ReviewRating;
  at: Date;
}

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

export interface CardSchedule {
  due: Date;
  state: CardState;
  /** Days after which recall is expected to have dropped to 90 % (FSRS); 0 for a card never reviewed. */
  stability: number;
  reps: number;
  /** Times the card was forgotten after it had been learnt. */
  lapses: number;
  lastRating: ReviewRating | null;
}

/** A new card waits a day after what made it (the lesson finished, the wrong answer): review is spaced. */
export const FIRST_REVIEW_AFTER_MS = 24 * 60 * 60 * 1000;

// No fuzz: the same log must give the same dates on every device and on the server. No short-term
// steps (minutes): «Повторение» is a daily queue, so even «Снова» brings a card back the next day.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

const STATES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

export const byTimeThenId = (a: ReviewEntry, b: ReviewEntry) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A card's schedule is a pure function of where it came from and its own review log, replayed in
 * (time, id) order — so any two replicas holding the same reviews, received in any order, agree.
 */
export function replayCard(originAt: Date, reviews: readonly ReviewEntry[]): CardSchedule {
  // A pure function of its input, so a replica may remember answers: the queue opens many times a day
  // over the same logs, and ts-fsrs takes tens of microseconds a card.
  const key = `${originAt.getTime()}|${reviews.map((r) => `${r.id}:${r.rating}:${r.at.getTime()}`).join(',')}`;
  const known = remembered.get(key);
  if (known) return { ...known, due: new Date(known.due) };
  const schedule = replay(originAt, reviews);
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  remembered.set(key, schedule);
  return { ...schedule, due: new Date(schedule.due) };
}

const REMEMBERED_MAX = 50_000;
const remembered = new Map<string, CardSchedule>();

function replay(originAt: Date, reviews: readonly ReviewEntry[]): CardSchedule {
  let card = createEmptyCard(originAt);
  card.due = new Date(originAt.getTime() + FIRST_REVIEW_AFTER_MS);
  let lastRating: ReviewRating | null = null;
  for (const review of [...reviews].sort(byTimeThenId)) {
    card = scheduler.next(card, review.at, review.rating as Grade).card;
    lastRating = review.rating;
  }
  return { due: card.due, state: STATES[card.state], stability: card.stability, reps: card.reps, lapses: card.lapses, lastRating };
}
