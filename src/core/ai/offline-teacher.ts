import type { Language } from '../../shared/domain';
import type { Db } from '../db/types';
import { bestConcept, bestPassage, findRelevantLessons } from './lesson-retrieval';
import { say } from './offline-phrases';
import { ProviderError, type ChatTurn, type TeacherProvider, type TeachingContext } from './provider';
import { ladderRung, type LadderRung } from './teaching-policy';

/**
 * The teacher that needs no model: it follows the same hint ladder as a model would, but its words
 * are the course's own (hints, explanations, lesson passages) and it says so up front.
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

async function composeReply(db: Db, context: TeachingContext, history: ChatTurn[]): Promise<string> {
  const rung = ladderRung(context, history);
  const body =
    rung === 'plain' ? await answerQuestion(db, context, history) : rung === 'homework_review' ? reviewHomework(context) : coachExercise(context, rung);
  return [say(context.language, 'intro'), ...body].join('\n\n');
}

const blockquote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

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

/**
 * Without a model there is no fair judgement of a free answer, so the student gets the criteria to
 * check themselves and what a strong answer has, drawn from the model answer's shape, never its text.
 */
function reviewHomework(context: TeachingContext): string[] {
  const { language: lang, homework } = context;
  if (!homework) return [];
  const model = homework.modelAnswer;
  const strong = [
    /^\s*(?:\d+[.)]|[-*])\s/m.test(homework.prompt) ? say(lang, 'strongParts') : '',
    say(lang, 'strongSteps'),
    model.includes('$') ? say(lang, 'strongFormulas') : '',
    /ответ|answer/i.test(model) ? say(lang, 'strongFinal') : '',
  ].filter(Boolean);
  return [
    homework.criteria.length ? [say(lang, 'checklist'), ...homework.criteria.map((c) => `- [ ] ${c}`)].join('\n') : say(lang, 'noCriteria'),
    [say(lang, 'strongAnswer'), ...strong.map((s) => `- ${s}`)].join('\n'),
    homework.studentAnswer.trim().length < model.length / 3 ? say(lang, 'tooShort') : '',
    say(lang, 'modelReview'),
  ].filter(Boolean);
}

/** A plain question: the best passage of the best lesson, and which lessons the answer came from. */
async function answerQuestion(db: Db, context: TeachingContext, history: ChatTurn[]): Promise<string[]> {
  const lang = context.language;
  const question = history.findLast((turn) => turn.role === 'user')?.content ?? '';
  const found = await findRelevantLessons(db, question);
  if (!found.length) return [say(lang, 'nothingFound')];
  // The lesson the student has open is the likeliest meaning of an ambiguous question.
  const open = found.findIndex((lesson) => lesson.lessonId === context.lesson?.id);
  const lessons = open > 0 ? [found[open]!, ...found.filter((_, i) => i !== open)] : found;
  const top = lessons[0]!;
  return [say(lang, 'fromLesson', { title: top.title }), bestPassage(top, question), lessonsUsed(lang, lessons)];
}

const lessonsUsed = (lang: Language, lessons: { title: string; courseTitle: string }[]) =>
  say(lang, 'lessonsUsed', { lessons: lessons.map((l) => say(lang, 'lessonRef', { title: l.title, course: l.courseTitle })).join(', ') });
