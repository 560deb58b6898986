import type { Dashboard } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { DashboardSection } from './DashboardSection';

/** The result of each completed lesson, as a table with a bar per score. */
export function LessonScores({ scores }: { scores: Dashboard['lessonScores'] }) {
  const t = useT();
  const average = scores.length === 0 ? 0 : Math.round(scores.reduce((sum, lesson) => sum + lesson.score, 0) / scores.length);
  const sorted = [...scores].sort((a, b) => a.courseTitle.localeCompare(b.courseTitle) || a.lessonNumber - b.lessonNumber);
  return (
    <DashboardSection
      title={t('dashboard.scores.title')}
      testId="dashboard-scores"
      summary={t('dashboard.scores.summary', { count: scores.length, average })}
      empty={scores.length === 0 ? <p>{t('dashboard.scores.empty')}</p> : undefined}
    >
      <div className="score-table__wrap">
        <table className="score-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.scores.course')}</th>
              <th scope="col">{t('dashboard.scores.lesson')}</th>
              <th scope="col">{t('dashboard.scores.score')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((lesson) => (
              <tr key={lesson.lessonId} data-testid="dashboard-score" data-lesson-id={lesson.lessonId} data-score={lesson.score}>
                <td>{lesson.courseTitle}</td>
                <td>
                  <a href={hrefFor({ name: 'lesson', lessonId: lesson.lessonId })}>
                    {t('lesson.number', { number: lesson.lessonNumber })}. {lesson.title}
                  </a>
                </td>
                <td>
                  <span className="score-table__score">
                    <span className="score-bar" aria-hidden="true">
                      <span className="score-bar__fill" style={{ width: `${lesson.score}%` }} />
                    </span>
                    <span>{t('dashboard.scores.value', { score: lesson.score })}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DashboardSection>
  );
}
