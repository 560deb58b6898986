import type { Enrolment, LessonSummary } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { lessonToContinue } from './continue-lesson';

/** A lesson begun is continued; otherwise it is the first lesson, or the next one. */
const buttonKey = (lesson: LessonSummary, enrolment: Enrolment) =>
  lesson.status === 'in_progress' ? 'course.continue' : enrolment.completedLessons === 0 ? 'course.startFirst' : 'course.nextLesson';

/** The path's one big button: «Продолжить» the lesson begun, else «Следующий урок» (or the first). */
export function ContinueLink({ lessons, enrolment }: { lessons: readonly LessonSummary[]; enrolment: Enrolment }) {
  const t = useT();
  const lesson = lessonToContinue(lessons, enrolment);
  if (!lesson) return null;
  return (
    <div className="continue">
      <a
        className="button button--primary button--large"
        href={hrefFor({ name: 'lesson', lessonId: lesson.id })}
        aria-describedby="continue-lesson"
        data-testid="continue-course"
      >
        {t(buttonKey(lesson, enrolment))}
      </a>
      <span id="continue-lesson" className="continue__lesson">
        {t('course.continueLesson', { number: lesson.number, title: lesson.title })}
      </span>
    </div>
  );
}
