import type { Dashboard } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { DashboardSection } from './DashboardSection';

/** This week against the last, in minutes — encouraging whichever way it goes. */
export function WeekComparison({ comparison }: { comparison: NonNullable<Dashboard['comparison']> }) {
  const t = useT();
  const { thisWeekMinutes, lastWeekMinutes } = comparison;
  const most = Math.max(thisWeekMinutes, lastWeekMinutes, 1);
  const note =
    thisWeekMinutes === 0 && lastWeekMinutes === 0
      ? t('dashboard.week.none')
      : thisWeekMinutes >= lastWeekMinutes
        ? t('dashboard.week.more')
        : t('dashboard.week.less');
  const rows = [
    { key: 'this', label: t('dashboard.week.this'), minutes: thisWeekMinutes },
    { key: 'last', label: t('dashboard.week.last'), minutes: lastWeekMinutes },
  ];
  return (
    <DashboardSection title={t('dashboard.week.title')} summary={note} testId="dashboard-week">
      <dl className="week-bars">
        {rows.map((row) => (
          <div key={row.key} className={`week-bars__row week-bars__row--${row.key}`} data-minutes={row.minutes}>
            <dt>{row.label}</dt>
            <dd>
              <span className="week-bars__bar" style={{ width: `${(row.minutes / most) * 100}%` }} aria-hidden="true" />
              <span className="week-bars__value">{t('dashboard.minutes', { count: row.minutes })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </DashboardSection>
  );
}
