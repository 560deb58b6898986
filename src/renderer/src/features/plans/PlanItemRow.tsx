import type { PlanItem } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';

interface PlanItemRowProps {
  item: PlanItem;
  done: boolean;
  /** A sentence about the item's day (for missed items: «По плану: 20 ноября»). */
  note?: string | undefined;
}

/** One lesson or review of the plan: what it is, how long it takes, and a link into the lesson. */
export function PlanItemRow({ item, done, note }: PlanItemRowProps) {
  const t = useT();
  const label = t(item.kind === 'review' ? 'plan.item.review' : 'plan.item.lesson', { number: item.number, title: item.title });
  const details = [
    t('plan.item.minutes', { count: item.minutes }),
    item.parts > 1 ? t('plan.item.part', { part: item.part, parts: item.parts }) : null,
    note ?? null,
  ].filter((detail): detail is string => detail !== null);
  return (
    <li
      className={`plan-item plan-item--${item.kind}${done ? ' plan-item--done' : ''}`}
      data-testid="plan-item"
      data-lesson-id={item.lessonId}
      data-kind={item.kind}
      data-done={done}
    >
      <span className="plan-item__mark" aria-hidden="true">
        {done ? '✓' : item.kind === 'review' ? '↻' : item.number}
      </span>
      <div className="plan-item__body">
        <a className="plan-item__link" href={hrefFor({ name: 'lesson', lessonId: item.lessonId })}>
          {label}
        </a>
        <p className="plan-item__details">{details.join(' · ')}</p>
      </div>
      {done && <span className="badge badge--completed">{t('plan.item.done')}</span>}
    </li>
  );
}
