import { useCallback, useState } from 'react';
import type { LessonDetail } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { Markdown } from '../../components/Markdown';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { useActiveTime } from '../../lib/use-active-time';
import { useCall } from '../../lib/use-call';
import { AskTeacherButton } from '../chat/AskTeacherButton';
import { LessonStatusBadge } from '../courses/LessonStatusBadge';
import { HomeworkTask } from './HomeworkTask';
import { LessonBreadcrumb } from './LessonBreadcrumb';
import { LessonCompletion } from './LessonCompletion';
import { LessonOverview } from './LessonOverview';
import { PracticeLink } from '../practice/PracticeLink';
import { Practice } from './Practice';
import { useCompleteLesson } from './use-complete-lesson';
import { useStudyTime } from './use-study-time';

/** A lesson id that does not exist (or is not even an id) is «not found», not a failure to retry. */
const isMissing = (error: ApiError) => error.code === 'not_found' || error.code === 'invalid_input';

/** `#/lessons/<id>`: the lesson's theory, its practice, its homework and «Завершить урок». */
export function LessonPage({ lessonId }: { lessonId: string }) {
  const t = useT();
  const { data: lesson, error, reload } = useCall('lessons.get', { lessonId });
  // The visit starts with the page, not with the answer: reading begins as soon as it is open.
  const activeMs = useActiveTime();
  if (lesson) return <LessonView lesson={lesson} activeMs={activeMs} />;
  return (
    <section className="page">
      <a className="back-link" href={hrefFor({ name: 'courses' })}>
        <span aria-hidden="true">← </span>
        {t('course.back')}
      </a>
      {error ? (
        isMissing(error) ? (
          <ErrorState title={t('lesson.notFound.title')} message={t('lesson.notFound.text')} error={error} />
        ) : (
          <ErrorState title={t('lesson.loadError')} error={error} onRetry={reload} />
        )
      ) : (
        <LoadingState message={t('lesson.loading')} />
      )}
    </section>
  );
}

function LessonView({ lesson, activeMs }: { lesson: LessonDetail; activeMs: () => number }) {
  const t = useT();
  const [solved, setSolved] = useState<ReadonlySet<string>>(() => new Set());
  const markSolved = useCallback((exerciseId: string) => {
    setSolved((current) => (current.has(exerciseId) ? current : new Set(current).add(exerciseId)));
  }, []);
  // The visit in the student's record: started once, and its active minutes as they pass.
  useStudyTime(lesson.id, activeMs);
  const completion = useCompleteLesson({
    lessonId: lesson.id,
    solved: solved.size,
    total: lesson.exercises.length,
    earlierMinutes: lesson.progress.timeSpentMinutes,
    activeMs,
  });
  return (
    <article className="page lesson-page" data-lesson-id={lesson.id}>
      <LessonBreadcrumb courseId={lesson.courseId} courseTitle={lesson.courseTitle} number={lesson.number} />
      <header className="lesson-header">
        <p className="lesson-header__kicker">
          <span>{t('lesson.number', { number: lesson.number })}</span>
          <LessonStatusBadge status={completion.completed?.lesson.status ?? lesson.progress.status} />
        </p>
        <PageTitle title={lesson.title} testId="lesson-title" />
        <p className="lesson-header__topic">{lesson.topic}</p>
        {lesson.description && <p className="page__intro">{lesson.description}</p>}
        <div className="lesson-header__ask">
          <AskTeacherButton lessonId={lesson.id} courseId={lesson.courseId} />
        </div>
      </header>
      <LessonOverview lesson={lesson} />
      <section className="card lesson-theory" aria-label={t('lesson.theory')}>
        <Markdown text={lesson.content} className="lesson-content" testId="lesson-content" />
      </section>
      {lesson.exercises.length > 0 && <PracticeLink lessonId={lesson.id} />}
      <Practice lessonId={lesson.id} exercises={lesson.exercises} solved={solved} onSolved={markSolved} />
      {lesson.homework && <HomeworkTask homework={lesson.homework} lessonId={lesson.id} />}
      <LessonCompletion
        completed={completion.completed}
        onComplete={() => void completion.complete()}
        pending={completion.pending}
        error={completion.error}
        courseId={lesson.courseId}
        nextLessonId={lesson.nextLessonId}
      />
    </article>
  );
}
