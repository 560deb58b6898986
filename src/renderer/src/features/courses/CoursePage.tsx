import { useCallback, useEffect, useRef } from 'react';
import type { CourseDetail, Enrolment } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { rescueFocus } from '../../lib/focus';
import { OpenPlanLink } from '../plans/OpenPlanLink';
import { lessonToContinue } from './continue-lesson';
import { ContinueLink } from './ContinueLink';
import { CourseMeta } from './CourseMeta';
import { EnrolButton } from './EnrolButton';
import { EnrolmentControls } from './EnrolmentControls';
import { EnrolmentProgress } from './EnrolmentProgress';
import { LessonList } from './LessonList';
import { useCourse } from './use-courses';

/** A course id that does not exist (or is not even an id) is «not found», not a failure to retry. */
const isMissing = (error: ApiError) => error.code === 'not_found' || error.code === 'invalid_input';
const isStudying = (enrolment: Enrolment) => enrolment.status === 'active' || enrolment.status === 'completed';

export function CoursePage({ courseId }: { courseId: string }) {
  const t = useT();
  const { data: course, error, reload, refresh, update } = useCourse(courseId);
  const showEnrolment = useCallback(
    (enrolment: Enrolment) => {
      update((current) => ({ ...current, enrolment }));
      refresh();
    },
    [update, refresh],
  );
  return (
    <section className="page">
      <a className="back-link" href={hrefFor({ name: 'courses' })}>
        <span aria-hidden="true">← </span>
        {t('course.back')}
      </a>
      {course ? (
        <CourseDetails course={course} onEnrolment={showEnrolment} />
      ) : error ? (
        isMissing(error) ? (
          <ErrorState title={t('course.notFound.title')} message={t('course.notFound.text')} error={error} />
        ) : (
          <ErrorState title={t('course.loadError')} error={error} onRetry={reload} />
        )
      ) : (
        <LoadingState message={t('course.loading')} />
      )}
    </section>
  );
}

function CourseDetails({ course, onEnrolment }: { course: CourseDetail; onEnrolment: (enrolment: Enrolment) => void }) {
  const t = useT();
  const statusCard = useRef<HTMLDivElement>(null);
  const enrolled = course.enrolment !== null;
  const wasEnrolled = useRef(enrolled);
  // «Начать курс» opens the first lesson straight away; the enrolment is shown first, so «Назад» finds it.
  const startCourse = useCallback(
    (enrolment: Enrolment) => {
      onEnrolment(enrolment);
      const first = lessonToContinue(course.lessons, enrolment);
      if (first) navigate({ name: 'lesson', lessonId: first.id });
    },
    [course.lessons, onEnrolment],
  );
  const nextLessonId = course.enrolment && isStudying(course.enrolment) ? (lessonToContinue(course.lessons, course.enrolment)?.id ?? null) : null;
  // A course without lessons stays here after «Начать курс»: «Продолжить»'s place, if any, takes the focus.
  useEffect(() => {
    if (enrolled && !wasEnrolled.current) rescueFocus(statusCard.current?.querySelector<HTMLElement>('a[href], button:not([disabled])'));
    wasEnrolled.current = enrolled;
  }, [enrolled]);
  return (
    <>
      <PageTitle title={course.title} testId="course-title" />
      <CourseMeta course={course} />
      {course.retired && (
        <p className="badge badge--not-started" data-testid="course-retired">
          {t('course.retired')}
        </p>
      )}
      {course.description && <p className="course-description">{course.description}</p>}
      <div ref={statusCard} className="card course-status">
        {course.enrolment ? (
          <>
            <EnrolmentProgress enrolment={course.enrolment} />
            {/* On a paused or left course the way back is «Продолжить курс», not a lesson link beside it. */}
            {isStudying(course.enrolment) && <ContinueLink lessons={course.lessons} enrolment={course.enrolment} />}
            <OpenPlanLink courseId={course.id} />
            <EnrolmentControls enrolment={course.enrolment} onChanged={onEnrolment} />
          </>
        ) : (
          <EnrolButton courseId={course.id} onEnrolled={startCourse} />
        )}
      </div>
      <h2 className="section-title">{t('course.lessons')}</h2>
      <LessonList lessons={course.lessons} nextLessonId={nextLessonId} />
    </>
  );
}
