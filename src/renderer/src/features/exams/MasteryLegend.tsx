import { useT } from '../../i18n';
import { MASTERY_ORDER, masteryKey, masterySymbol } from './exam-view';

/** What the colours and signs of the task grid mean. */
export function MasteryLegend() {
  const t = useT();
  return (
    <ul className="mastery-legend" aria-label={t('exams.legend')} data-testid="exam-legend">
      {MASTERY_ORDER.map((mastery) => (
        <li key={mastery} className="mastery-legend__item">
          <span className={`mastery-legend__swatch task-square--${mastery}`} aria-hidden="true">
            {masterySymbol(mastery)}
          </span>
          {t(masteryKey(mastery))}
        </li>
      ))}
    </ul>
  );
}
