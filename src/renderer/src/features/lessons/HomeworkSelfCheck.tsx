import { useId } from 'react';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';

interface HomeworkSelfCheckProps {
  modelAnswer: string | null;
  criteria: readonly string[];
  /** Indexes of the criteria the student ticked: kept by the screen only, never saved. */
  ticked: ReadonlySet<number>;
  onTick: (index: number, checked: boolean) => void;
}

/**
 * «Сравнить с образцом», once the student's own answer is in: the model answer next to the criteria
 * as a checklist the student ticks for themselves.
 */
export function HomeworkSelfCheck({ modelAnswer, criteria, ticked, onTick }: HomeworkSelfCheckProps) {
  const t = useT();
  const id = useId();
  if (modelAnswer === null && criteria.length === 0) return null;
  const done = criteria.filter((_, index) => ticked.has(index)).length;
  return (
    <details className="homework__self-check" data-testid="homework-self-check">
      <summary className="homework__self-check-summary" data-testid="homework-compare">
        {modelAnswer !== null ? t('homework.compare') : t('homework.selfCheck')}
      </summary>
      <div className="homework__compare">
        {modelAnswer !== null && (
          <section className="homework__model" aria-labelledby={`${id}-model`}>
            <h4 id={`${id}-model`} className="homework__subtitle">
              {t('homework.modelAnswer')}
            </h4>
            <Markdown text={modelAnswer} className="homework__model-answer" testId="homework-model-answer" />
          </section>
        )}
        {criteria.length > 0 && (
          <section className="homework__checklist" aria-labelledby={`${id}-checklist`}>
            <h4 id={`${id}-checklist`} className="homework__subtitle">
              {t('homework.checklist')}
            </h4>
            <p id={`${id}-hint`} className="field__hint">
              {t('homework.checklistHint')}
            </p>
            <ul className="homework__checklist-items" aria-describedby={`${id}-hint`}>
              {criteria.map((criterion, index) => (
                <li key={index} data-testid="homework-criterion" data-checked={ticked.has(index)}>
                  <label className="checkbox-field">
                    <input type="checkbox" checked={ticked.has(index)} onChange={(event) => onTick(index, event.target.checked)} />
                    <Markdown text={criterion} inline />
                  </label>
                </li>
              ))}
            </ul>
            <p className={done === criteria.length ? 'form-success' : 'muted'} aria-live="polite" data-testid="homework-checked">
              {done === criteria.length ? t('homework.allChecked') : t('homework.checked', { done, count: criteria.length })}
            </p>
          </section>
        )}
      </div>
    </details>
  );
}
