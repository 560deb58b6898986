import { asc, isNull } from 'drizzle-orm';
import type { Language } from '../../shared/domain';
import { courses } from '../db/schema';
import type { Db } from '../db/types';
import { solveMathIn } from './algebra/math-problem';
import type { Solution } from './algebra/solution';
import { solveWordProblem } from './algebra/word-problems';
import { catalogueExerciseIn, sameProblem } from './exercise-guard';
import { bestConcept, bestPassage, findRelevantLessons } from './lesson-retrieval';
import { findDefiningSentence, findDefinition, type FoundDefinition, type QuotableLesson } from './offline-definitions';
import { numbersOf, reviewHomeworkOffline } from './offline-homework-review';
import { say } from './offline-phrases';
import { studyPlan } from './offline-plan';
import { ProviderError, type ChatTurn, type TeacherProvider, type TeachingContext } from './provider';
import { classifyQuestion, definitionSubject, wantsFactoring, type QuestionIntent } from './question-intent';
import { ladderRung, type LadderRung } from './teaching-policy';

/**
 * The teacher that needs no model. It reads what the student asks (question-intent.ts) and answers
 * each kind its own way: a concept from the lessons' key concepts, a problem solved step by step
 * (algebra/), a plan from the course's lessons, «not from your courses» for anything else. An
 * exercise follows the same hint ladder as a model would (teaching-policy.ts decides the rung).
 */
export function createOfflineTeacher(db: Db): TeacherProvider {
  return {
    kind: 'offline',
    async *streamReply({ context, history, signal }) {
      stopIfAborted(signal);
      const reply = await composeReply(db, context, history);
      for (const piece of pieces(reply)) {
        stopIfAborted(signal);
        yield piece;
      }
    },
  };
}

function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new ProviderError('cancelled', 'The reply was stopped.');
}

/** Words with the space after them: streamed like a model's tokens, and joined back they are the reply exactly. */
const pieces = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [];

/** Said once per conversation: not again once an earlier reply of this conversation said it. */
const introducedBefore = (history: ChatTurn[]) =>
  history.some((turn) => turn.role === 'assistant' && (turn.content.startsWith(say('ru', 'intro')) || turn.content.startsWith(say('en', 'intro'))));

export async function composeReply(db: Db, context: TeachingContext, history: ChatTurn[]): Promise<string> {
  const rung = ladderRung(context, history);
  const question = history.findLast((turn) => turn.role === 'user')?.content ?? '';
  const body =
    rung === 'homework_review'
      ? reviewHomeworkOffline(context)
      : rung === 'plain'
        ? await answerQuestion(db, context, history, question)
        : await answerOnExercise(db, context, rung, question);
  const intro = introducedBefore(history) ? [] : [say(context.language, 'intro')];
  return [...intro, ...body].filter(Boolean).join('\n\n');
}

const blockquote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

/** The solver's take on a message: a word problem first (its numbers carry units), then a formula. */
function solve(message: string, lang: Language): Solution | null {
  return solveWordProblem(message, lang) ?? solveMathIn(message, lang, wantsFactoring(message));
}

const solved = (lang: Language, solution: Solution) => [say(lang, 'solving'), ...solution.steps];

/**
 * In an exercise's session the ladder rules. A definition is always safe to give, and so is a worked
 * problem that is not the exercise's own; anything else climbs the ladder one rung.
 */
async function answerOnExercise(db: Db, context: TeachingContext, rung: LadderRung, question: string): Promise<string[]> {
  const lang = context.language;
  const exercise = context.exercise!;
  const solution = rung === 'answer' ? null : solve(question, lang);
  const intent = classifyQuestion(question, { hasMath: solution !== null });
  if (intent === 'definition') {
    const definition = await defineTerm(db, context, question);
    if (definition) return definition;
  }
  if (rung !== 'answer' && solution && sameProblem(question, exercise.prompt)) return [say(lang, 'exerciseOwnProblem'), ...coachExercise(context, rung)];
  if (intent === 'solve' && solution) return solved(lang, solution);
  if (intent === 'check_answer' && rung !== 'answer') return [say(lang, 'checkInExercise'), ...coachExercise(context, rung)];
  if (intent === 'injection') return [say(lang, 'rulesStay'), ...coachExercise(context, rung)];
  return coachExercise(context, rung);
}

/** One rung of the ladder in the course's own words: hint by hint, the explanation only at the top. */
function coachExercise(context: TeachingContext, rung: LadderRung): string[] {
  const { language: lang, exercise, attempt, lesson } = context;
  if (!exercise) return [];
  const hints = exercise.hints;
  switch (rung) {
    case 'nudge':
      return [
        say(lang, 'taskIs'),
        blockquote(exercise.prompt),
        hints[0] ? say(lang, 'hint', { hint: hints[0] }) : say(lang, 'noHint'),
        say(lang, 'tryIt'),
      ];
    case 'mistake_hint': {
      const hint = hints[1] ?? hints.at(-1);
      return [
        attempt ? say(lang, 'notYet', { answer: attempt.answer }) : say(lang, 'noAttempt'),
        hint ? say(lang, 'nextHint', { hint }) : say(lang, 'noHint'),
      ];
    }
    case 'worked_example': {
      const concept = lesson ? (bestConcept(lesson.keyConcepts, `${exercise.prompt}\n${hints.join('\n')}`) ?? lesson.keyConcepts[0]) : undefined;
      return [
        hints[2] ? say(lang, 'nextHint', { hint: hints[2] }) : hints.length ? '' : say(lang, 'noHint'),
        concept ? say(lang, 'reread', { term: concept.term, definition: concept.definition }) : '',
        attempt ? '' : say(lang, 'solutionAfterTry'),
      ].filter(Boolean);
    }
    default:
      return [say(lang, attempt?.correct ? 'correct' : 'solution'), exercise.explanation, say(lang, 'answerIs', { answer: exercise.answer })];
  }
}

const sourceLine = (lang: Language, lessons: Pick<QuotableLesson, 'title' | 'courseTitle'>[]) =>
  say(lang, 'sources', {
    lessons: lessons.map((l) => (l.courseTitle ? say(lang, 'lessonRef', { title: l.title, course: l.courseTitle }) : `«${l.title}»`)).join('; '),
  });

async function offTopic(db: Db, lang: Language): Promise<string[]> {
  const titles = await db.select({ title: courses.title }).from(courses).where(isNull(courses.retiredAt)).orderBy(asc(courses.title)).limit(8);
  return [say(lang, 'offTopic', { courses: titles.map((c) => `«${c.title}»`).join(', ') || '—' })];
}

/** A question outside an exercise: answered by what it asks for. */
async function answerQuestion(db: Db, context: TeachingContext, history: ChatTurn[], question: string): Promise<string[]> {
  const lang = context.language;
  const solution = solve(question, lang);
  const intent: QuestionIntent = classifyQuestion(question, { hasMath: solution !== null });
  switch (intent) {
    case 'greeting':
      return [say(lang, /спасиб|благодар|thank/i.test(question) ? 'thanks' : 'greeting')];
    case 'injection':
      return [say(lang, 'rulesStay'), say(lang, 'noReadyAnswers')];
    case 'answer_grab':
      return (await guardedSolution(db, lang, question, solution)) ?? [say(lang, 'noReadyAnswers')];
    case 'check_answer':
      return checkAnswer(db, lang, history, question);
    case 'solve':
      if (solution) return (await guardedSolution(db, lang, question, solution))!;
      return (await explainFromLessons(db, context, question)) ?? [say(lang, 'cannotSolve')];
    case 'off_topic':
      return offTopic(db, lang);
    case 'plan': {
      const plan = await studyPlan(db, question, context);
      return plan.text;
    }
    case 'definition':
      return (await defineTerm(db, context, question)) ?? (await explainFromLessons(db, context, question)) ?? offTopic(db, lang);
    default:
      return (await explainFromLessons(db, context, question)) ?? offTopic(db, lang);
  }
}

/** A solution, unless the problem is one of the course's exercises: then its first hint instead. */
async function guardedSolution(db: Db, lang: Language, question: string, solution: Solution | null): Promise<string[] | null> {
  if (!solution) return null;
  const exercise = await catalogueExerciseIn(db, question);
  if (!exercise) return solved(lang, solution);
  const hint = exercise.exercise.hints[0];
  return [say(lang, 'noReadyAnswers'), hint ? say(lang, 'hint', { hint }) : '', sourceLine(lang, [{ title: exercise.lessonTitle, courseTitle: '' }])];
}

/** «Я получил 5, правильно?»: the problem is in this message or an earlier one; the student's numbers are compared with the solution's. */
async function checkAnswer(db: Db, lang: Language, history: ChatTurn[], question: string): Promise<string[]> {
  const earlier = history.filter((t) => t.role === 'user').map((t) => t.content).reverse();
  for (const text of earlier) {
    const solution = solve(text, lang);
    if (!solution) continue;
    if (await catalogueExerciseIn(db, text)) return [say(lang, 'checkInExercise')];
    const problemNumbers = text === question ? numbersOf(text.replace(/(?:получил\p{L}*|вышл\p{L}*|ответ\p{L}*|нашл?\p{L}*|got)[^]*$/iu, '')) : [];
    const claimedPart = text === question ? (question.match(/(?:получил\p{L}*|вышл\p{L}*|ответ\p{L}*|нашл?\p{L}*|got)([^]*)$/iu)?.[1] ?? question) : question;
    const claimed = numbersOf(claimedPart).filter((v) => text !== question || !problemNumbers.includes(v) || numbersOf(claimedPart).length === 1);
    return verdict(lang, solution, claimed, claimedPart);
  }
  return [say(lang, 'checkNoProblem')];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b)) || Math.abs(a - b) < 0.006;

function verdict(lang: Language, solution: Solution, claimed: number[], claimedText: string): string[] {
  if (solution.verbal === 'none' || solution.verbal === 'any') {
    const saysNone = /нет|не име|no (?:roots|solution)|none/i.test(claimedText);
    const saysAny = /любое|любой|бесконечно|any|infinite/i.test(claimedText);
    const right = solution.verbal === 'none' ? saysNone : saysAny;
    return right ? [say(lang, 'checkRight', { answer: solution.answer })] : [say(lang, 'checkWrong', { answer: solution.answer, yours: claimedText.trim() || '—' }), ...solution.steps];
  }
  const found = solution.values.filter((v) => claimed.some((c) => near(c, v)));
  const extra = claimed.filter((c) => !solution.values.some((v) => near(c, v)));
  if (found.length === solution.values.length && extra.length === 0) return [say(lang, 'checkRight', { answer: solution.answer })];
  if (found.length && extra.length === 0) return [say(lang, 'checkPartly', { answer: solution.answer }), ...solution.steps];
  const yours = claimed.map((c) => String(Number(c.toFixed(4)))).map((c) => (lang === 'ru' ? c.replace('.', ',') : c)).join('; ') || '—';
  return [say(lang, 'checkWrong', { answer: solution.answer, yours }), ...solution.steps];
}

/**
 * A concept from the lessons' key concepts (with its cases), else the sentence that introduces it.
 * «Что такое числитель и знаменатель?» asks for two: each is defined, sources named once.
 */
async function defineTerm(db: Db, context: TeachingContext, question: string): Promise<string[] | null> {
  const lang = context.language;
  const subject = definitionSubject(question);
  const parts = subject.split(/\s+(?:и|или|and|or)\s+|,\s*/u).filter((p) => p.trim().length > 1).slice(0, 3);
  const definitions: FoundDefinition[] = [];
  for (const part of parts.length > 1 ? parts : [subject]) {
    const found = await findDefinition(db, part, context);
    if (found && !definitions.some((d) => d.concept.term === found.concept.term)) definitions.push(found);
  }
  if (definitions.length) {
    const lessons = definitions.map((d) => d.lesson).filter((l, i, all) => all.findIndex((o) => o.lessonId === l.lessonId) === i);
    return [...definitions.flatMap((d) => [`**${d.concept.term}** — ${d.concept.definition}`, d.cases ?? '']), sourceLine(lang, lessons)].filter(Boolean);
  }
  const sentence = await findDefiningSentence(db, subject, context);
  return sentence ? [sentence.text, sourceLine(lang, [sentence.lesson])] : null;
}

/** «Как найти…» and the rest: the best passage of the best lesson (the open one when it matches), whole sentences only. */
async function explainFromLessons(db: Db, context: TeachingContext, question: string): Promise<string[] | null> {
  const found = await findRelevantLessons(db, question);
  if (!found.length) return null;
  const open = found.findIndex((lesson) => lesson.lessonId === context.lesson?.id);
  const top = found[open > 0 ? open : 0]!;
  return [say(context.language, 'fromLesson', { title: top.title }), bestPassage(top, question), sourceLine(context.language, [top])];
}
