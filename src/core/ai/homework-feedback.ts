import { and, eq } from 'drizzle-orm';
import type { HomeworkFeedback } from '../../shared/contract';
import type { MutationArgs } from '../sync/mutation-registry';
import type { Language } from '../../shared/domain';
import { userLessons } from '../db/schema';
import type { Db } from '../db/types';
import type { DispatchLogger } from '../dispatch';
import { invalidInput, notFound } from '../errors/app-error';
import type { HomeworkContent } from '../lessons/homework';
import { resolveTeacher, type SchoolAiRule } from './ai-settings';
import type { SchoolPolicy } from '../school/school-policy';
import { ProviderError, type TeacherProvider } from './provider';
import type { SecretBox } from './secret-box';
import type { TeacherFactory } from './teachers';
import { lessonWithCourse, studentLanguage } from './teaching-context';
import type { MutationContext } from '../mutations/mutation-context';

/** Store the review with the homework (a named mutation: the review syncs with the answer it is about). */
export async function saveHomeworkFeedback(ctx: MutationContext, args: MutationArgs<'homework.requestFeedback'>): Promise<void> {
  const { tx, userId } = ctx;
  const updated = await tx
    .update(userLessons)
    .set({ homeworkFeedback: { ...args.feedback } })
    .where(and(eq(userLessons.userId, userId), eq(userLessons.lessonId, args.lessonId), eq(userLessons.homeworkSubmitted, true)))
    .returning({ id: userLessons.id });
  if (updated.length === 0) throw notFound('Homework submission');
}

async function collect(teacher: TeacherProvider, request: Parameters<TeacherProvider['streamReply']>[0]): Promise<string> {
  let text = '';
  for await (const token of teacher.streamReply(request)) text += token;
  return text.trim();
}

/**
 * Ask the chosen teacher to review the student's submitted homework; if the model cannot be reached,
 * the offline teacher's checklist review is given instead (and says what it is).
 */
export async function reviewHomework(
  deps: { db: Db; secrets: SecretBox; teachers: TeacherFactory; now: () => Date; school?: SchoolAiRule & Pick<SchoolPolicy, 'languageOf'>; logger?: DispatchLogger },
  userId: string,
  lessonId: string,
  signal: AbortSignal,
): Promise<HomeworkFeedback> {
  const { db } = deps;
  const row = await lessonWithCourse(db, lessonId);
  if (!row) throw notFound('Lesson');
  const [progress] = await db
    .select({ submitted: userLessons.homeworkSubmitted, content: userLessons.homeworkContent })
    .from(userLessons)
    .where(and(eq(userLessons.userId, userId), eq(userLessons.lessonId, lessonId)));
  const homework = row.lesson.homework;
  const submission = progress?.content as HomeworkContent | null | undefined;
  if (!homework || !progress?.submitted || !submission) {
    throw invalidInput('Submit the homework first', [{ path: 'lessonId', message: 'homework_not_submitted' }]);
  }
  const languageHere = deps.school?.languageOf ?? ((stored: Language) => stored);
  const context = {
    language: languageHere(await studentLanguage(db, userId)),
    grade: row.grade,
    courseTitle: row.courseTitle,
    lesson: { id: row.lesson.id, title: row.lesson.title, topic: row.lesson.topic, content: row.lesson.content, keyConcepts: row.lesson.keyConcepts },
    exercise: null,
    attempt: null,
    homework: { prompt: homework.prompt, criteria: homework.criteria, modelAnswer: homework.modelAnswer, studentAnswer: submission.text },
  };
  const request = { context, history: [{ role: 'user' as const, content: submission.text }], signal };
  const choice = await resolveTeacher(db, deps.secrets, userId, deps.school);
  if (choice.provider === 'openai') {
    try {
      const text = await collect(deps.teachers.openai(choice.endpoint), request);
      if (text) return { text, provider: 'openai', model: choice.endpoint.model, at: deps.now().toISOString() };
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'cancelled') throw error;
      deps.logger?.warn?.('AI teacher unavailable for a homework review: the offline teacher reviewed it', { error: String(error) });
    }
  }
  const text = await collect(deps.teachers.offline(), request);
  return { text, provider: 'offline', model: null, at: deps.now().toISOString() };
}
