import type { LessonDetail } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { useActiveTime } from '../../lib/use-active-time';
import { useCall } from '../../lib/use-call';
import { useStudyTime } from '../lessons/use-study-time';
import { PracticeSession } from './PracticeSession';
import './practice.css';

/** A lesson id that does not exist (or is not even an id) is «not found», not a failure to retry. */
const isMissing = (error: ApiError) => error.code === 'not_found' || error.code === 'invalid_input';

/** `#/lessons/<id>/practice`: the lesson's exercises one question at a time, then a summary. */
export function PracticePage({ lessonId }: { lessonId: string }) {
  const t = useT();
  const { data: lesson, error, reload } = useCall('lessons.get', { lessonId });
  const activeMs = useActiveTime();
  if (lesson) return <PracticeView lesson={lesson} activeMs={activeMs} />;
  return (
    <section className="page">
      <a className="back-link" href={hrefFor({ name: 'lesson', lessonId })}>
        <span aria-hidden="true">← </span>
        {t('practice.backToLesson')}
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

function PracticeView({ lesson, activeMs }: { lesson: LessonDetail; activeMs: () => number }) {
  const t = useT();
  // Practice is study: its active minutes count like the lesson page's.
  useStudyTime(lesson.id, activeMs);
  return (
    <article className="page practice-page" data-lesson-id={lesson.id}>
      <nav aria-label={t('lesson.breadcrumb')}>
        <ol className="breadcrumb">
          <li className="breadcrumb__item">
            <a href={hrefFor({ name: 'course', courseId: lesson.courseId })}>{lesson.courseTitle}</a>
          </li>
          <li className="breadcrumb__item">
            <a href={hrefFor({ name: 'lesson', lessonId: lesson.id })} data-testid="practice-lesson-link">
              {t('practice.lesson', { number: lesson.number })}
            </a>
          </li>
          <li className="breadcrumb__item" aria-current="page">
            {t('practice.open')}
          </li>
        </ol>
      </nav>
      <PageTitle title={t('practice.title', { title: lesson.title })} testId="practice-title" />
      {lesson.exercises.length === 0 ? (
        <EmptyState title={t('practice.empty')} text={lesson.topic} testId="practice-empty">
          <a className="button button--primary" href={hrefFor({ name: 'lesson', lessonId: lesson.id })}>
            {t('practice.backToLesson')}
          </a>
        </EmptyState>
      ) : (
        <>
          <p className="page__intro">{t('practice.intro')}</p>
          <PracticeSession lessonId={lesson.id} courseId={lesson.courseId} exercises={lesson.exercises} activeMs={activeMs} />
        </>
      )}
    </article>
  );
}
