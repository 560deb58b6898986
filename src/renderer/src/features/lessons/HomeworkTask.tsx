import type { LessonDetail } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';

/** The lesson's homework: the task and what the marking looks at. */
export function HomeworkTask({ homework }: { homework: NonNullable<LessonDetail['homework']> }) {
  const t = useT();
  return (
    <section className="card homework" aria-labelledby="lesson-homework" data-testid="homework">
      <h2 id="lesson-homework" className="section-title">
        {t('lesson.homework')}
      </h2>
      <Markdown text={homework.prompt} className="homework__prompt" />
      {homework.criteria.length > 0 && (
        <>
          <h3 className="homework__criteria-title">{t('lesson.homeworkCriteria')}</h3>
          <ul className="homework__criteria">
            {homework.criteria.map((criterion) => (
              <li key={criterion} data-testid="homework-criterion">
                <Markdown text={criterion} inline />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
