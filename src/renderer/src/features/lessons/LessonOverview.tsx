import type { LessonDetail } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';

/** What the lesson teaches: its objectives and its key concepts (term — definition). */
export function LessonOverview({ lesson }: { lesson: Pick<LessonDetail, 'objectives' | 'keyConcepts'> }) {
  const t = useT();
  return (
    <div className="lesson-overview">
      {lesson.objectives.length > 0 && (
        <section className="card lesson-overview__block" aria-labelledby="lesson-objectives">
          <h2 id="lesson-objectives" className="section-title">
            {t('lesson.objectives')}
          </h2>
          <ul className="objectives">
            {lesson.objectives.map((objective, index) => (
              <li key={index} data-testid="objective">
                <Markdown text={objective} inline />
              </li>
            ))}
          </ul>
        </section>
      )}
      {lesson.keyConcepts.length > 0 && (
        <section className="card lesson-overview__block" aria-labelledby="lesson-concepts">
          <h2 id="lesson-concepts" className="section-title">
            {t('lesson.keyConcepts')}
          </h2>
          <dl className="concepts">
            {lesson.keyConcepts.map((concept, index) => (
              <div key={index} className="concept" data-testid="key-concept">
                <dt className="concept__term">
                  <Markdown text={concept.term} inline />
                </dt>
                <dd className="concept__definition">
                  <Markdown text={concept.definition} inline />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
