import type { StudentProgress } from '../../../../shared/contract';
import { AccountAvatar } from '../../components/AccountAvatar';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';

export function StudentRow({ entry }: { entry: StudentProgress }) {
  const t = useT();
  const { student, courses } = entry;
  return (
    <tr data-testid="student-row" data-username={student.username}>
      <th scope="row">
        <span className="table__person">
          <AccountAvatar account={student} />
          {student.fullName}
        </span>
      </th>
      <td className="table__number" data-testid="student-lessons">
        {entry.totalLessonsCompleted}
      </td>
      <td>
        {courses.length === 0 ? (
          <span className="muted">{t('teacher.noCourses')}</span>
        ) : (
          <ul className="student-courses">
            {courses.map((course) => (
              <li key={course.courseId} className="student-courses__item" data-testid="student-course" data-course-id={course.courseId}>
                <span className="student-courses__title">{course.title}</span>
                <ProgressBar value={course.progressPercentage} label={course.title} showValue />
                <span className="student-courses__count">
                  {t('teacher.courseProgress', { done: course.completedLessons, count: course.totalLessons })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
