/**
 * A practice session's record, kept in the page: one question at a time, each answer as the core
 * judged it. The summary is computed from these records only — what the student actually did.
 */

export interface QuestionRecord {
  /** Answers sent and judged, right or wrong. */
  tries: number;
  solved: boolean;
  /** The core showed the worked solution (after a right answer or after enough wrong ones). */
  solutionShown: boolean;
}

export interface PracticeState {
  /** The question on screen (0-based); equal to the number of questions once finished. */
  index: number;
  records: Readonly<Record<string, QuestionRecord>>;
}

export type PracticeEvent =
  | { type: 'checked'; exerciseId: string; correct: boolean; solutionShown: boolean }
  | { type: 'next' }
  | { type: 'restart' };

export const START: PracticeState = { index: 0, records: {} };

const EMPTY_RECORD: QuestionRecord = { tries: 0, solved: false, solutionShown: false };

export const recordOf = (state: PracticeState, exerciseId: string): QuestionRecord => state.records[exerciseId] ?? EMPTY_RECORD;

/** «Дальше» is open once the question is solved or its solution was shown (there is nothing left to try). */
export const mayGoOn = (record: QuestionRecord): boolean => record.solved || record.solutionShown;

export function practiceReducer(state: PracticeState, event: PracticeEvent): PracticeState {
  switch (event.type) {
    case 'checked': {
      const record = recordOf(state, event.exerciseId);
      // A solved question takes no more answers: a late duplicate must not add a try.
      if (record.solved) return state;
      return {
        ...state,
        records: {
          ...state.records,
          [event.exerciseId]: {
            tries: record.tries + 1,
            solved: event.correct,
            solutionShown: record.solutionShown || event.solutionShown,
          },
        },
      };
    }
    case 'next':
      return { ...state, index: state.index + 1 };
    case 'restart':
      return START;
  }
}

export interface PracticeSummary {
  questions: number;
  solved: number;
  /** Right on the very first answer. */
  firstTry: number;
  /** Answers judged in all, and how many of them were right. */
  answers: number;
  rightAnswers: number;
  /** Right answers of all answers, 0–100 (0 when nothing was answered). */
  accuracy: number;
}

export function summarize(exerciseIds: readonly string[], state: PracticeState): PracticeSummary {
  const records = exerciseIds.map((id) => recordOf(state, id));
  const answers = records.reduce((sum, record) => sum + record.tries, 0);
  const rightAnswers = records.filter((record) => record.solved).length;
  return {
    questions: exerciseIds.length,
    solved: rightAnswers,
    firstTry: records.filter((record) => record.solved && record.tries === 1).length,
    answers,
    rightAnswers,
    accuracy: answers === 0 ? 0 : Math.round((100 * rightAnswers) / answers),
  };
}

/** How the session went, for the celebration's words: never «отлично» for a session with many misses. */
export type PracticeOutcome = 'excellent' | 'good' | 'keepGoing';

export function outcomeOf(summary: PracticeSummary): PracticeOutcome {
  if (summary.questions > 0 && summary.firstTry === summary.questions) return 'excellent';
  return summary.accuracy >= 60 ? 'good' : 'keepGoing';
}
