import type { CourseSummary } from '../../../../shared/contract';
import { difficultyKey, examTypeKey, subjectKey, useT } from '../../i18n';

/** Subject, grade or exam, difficulty, number of lessons and study time, as a row of tags. */
export function CourseMeta({ course }: { course: CourseSummary }) {
  const t = useT();
  const items = [
    t(subjectKey(course.subject)),
    course.examType ? t(examTypeKey(course.examType)) : course.grade !== null ? t('course.grade', { grade: course.grade }) : null,
    t(difficultyKey(course.difficulty)),
    t('course.lessonCount', { count: course.totalLessons }),
    course.estimatedHours !== null && course.estimatedHours > 0 ? t('course.estimatedHours', { count: course.estimatedHours }) : null,
  ].filter((item): item is string => item !== null);
  return (
    <ul className="course-meta">
      {items.map((item) => (
        <li key={item} className="course-meta__item">
          {item}
        </li>
      ))}
    </ul>
  );
}
