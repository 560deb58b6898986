import { describe, expect, it } from 'vitest';
import { START, mayGoOn, outcomeOf, practiceReducer, recordOf, summarize, type PracticeEvent, type PracticeState } from './practice-session';

const play = (...events: PracticeEvent[]): PracticeState => events.reduce(practiceReducer, START);
const right = (exerciseId: string, solutionShown = true): PracticeEvent => ({ type: 'checked', exerciseId, correct: true, solutionShown });
const wrong = (exerciseId: string, solutionShown = false): PracticeEvent => ({ type: 'checked', exerciseId, correct: false, solutionShown });

describe('a practice session', () => {
  it('counts tries per question and lets the student go on only when solved or shown the solution', () => {
    const state = play(wrong('a'), wrong('a'));
    expect(recordOf(state, 'a')).toEqual({ tries: 2, solved: false, solutionShown: false });
    expect(mayGoOn(recordOf(state, 'a'))).toBe(false);
    expect(mayGoOn(recordOf(play(wrong('a'), wrong('a'), wrong('a', true)), 'a'))).toBe(true);
    expect(mayGoOn(recordOf(play(wrong('a'), right('a')), 'a'))).toBe(true);
  });

  it('takes no answer after a question is solved', () => {
    expect(recordOf(play(right('a'), right('a'), wrong('a')), 'a')).toEqual({ tries: 1, solved: true, solutionShown: true });
  });

  it('moves on and starts over', () => {
    expect(play({ type: 'next' }, { type: 'next' }).index).toBe(2);
    expect(play(right('a'), { type: 'next' }, { type: 'restart' })).toEqual(START);
  });

  it('summarizes what was done: accuracy of all answers, first-try count, unanswered questions included', () => {
    const state = play(wrong('a'), right('a'), { type: 'next' }, right('b'), { type: 'next' }, { type: 'next' });
    expect(summarize(['a', 'b', 'c'], state)).toEqual({ questions: 3, solved: 2, firstTry: 1, answers: 3, rightAnswers: 2, accuracy: 67 });
    expect(summarize(['a'], START)).toEqual({ questions: 1, solved: 0, firstTry: 0, answers: 0, rightAnswers: 0, accuracy: 0 });
  });

  it('calls only an all-first-try session excellent', () => {
    expect(outcomeOf(summarize(['a', 'b'], play(right('a'), right('b'))))).toBe('excellent');
    expect(outcomeOf(summarize(['a', 'b'], play(wrong('a'), right('a'), right('b'))))).toBe('good');
    expect(outcomeOf(summarize(['a'], play(wrong('a'), wrong('a'), wrong('a', true))))).toBe('keepGoing');
    expect(outcomeOf(summarize([], START))).toBe('keepGoing');
  });
});
