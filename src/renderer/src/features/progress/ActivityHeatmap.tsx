import { useMemo } from 'react';
import type { Dashboard } from '../../../../shared/contract';
import { localeOf, useLanguage, useT } from '../../i18n';
import { addDays, formatDay, formatMonth } from './days';
import { DashboardSection } from './DashboardSection';
import { INTENSITIES, layoutHeatmap } from './heatmap';

const CELL = 12;
const GAP = 3;
const STEP = CELL + GAP;
const LEFT = 30;
const TOP = 18;
/** A Monday, to name the rows in the interface language. */
const A_MONDAY = '2024-01-01';
const NAMED_ROWS = [0, 2, 4];

/** The last 12 months as a calendar grid: a column per week, Monday on top, darker for more minutes. */
export function ActivityHeatmap({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const locale = localeOf(language);
  const goal = dashboard.summary.dailyGoalMinutes;
  const layout = useMemo(() => layoutHeatmap(dashboard.today, dashboard.heatmap, goal), [dashboard.today, dashboard.heatmap, goal]);
  const width = LEFT + layout.weeks * STEP;
  const height = TOP + 7 * STEP;
  const summary = t('dashboard.heatmap.summary', { count: layout.totalMinutes, days: t('dashboard.days', { count: layout.activeDays }) });
  const summaryId = 'dashboard-heatmap-summary';
  return (
    <DashboardSection
      title={t('dashboard.heatmap.title')}
      testId="dashboard-heatmap"
      empty={layout.totalMinutes === 0 ? <p>{t('dashboard.heatmap.empty')}</p> : undefined}
    >
      <p id={summaryId} className="dashboard-section__summary" data-testid="dashboard-heatmap-summary">
        {summary}
      </p>
      <div className="heatmap">
        <svg className="heatmap__grid" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={summaryId}>
          {layout.months.map((label) => (
            <text key={`${label.year}-${label.month}`} className="heatmap__label" x={LEFT + label.week * STEP} y={TOP - 6}>
              {formatMonth(label.month, locale)}
            </text>
          ))}
          {NAMED_ROWS.map((row) => (
            <text key={row} className="heatmap__label" x={0} y={TOP + row * STEP + CELL - 2}>
              {formatDay(addDays(A_MONDAY, row), locale, { weekday: 'short' })}
            </text>
          ))}
          {layout.cells.map((cell) => (
            <rect
              key={cell.day}
              className={`heatmap__cell heatmap__cell--${cell.intensity}${cell.day === layout.end ? ' heatmap__cell--today' : ''}`}
              x={LEFT + cell.week * STEP}
              y={TOP + cell.weekday * STEP}
              width={CELL}
              height={CELL}
              rx={2}
              data-testid="heatmap-day"
              data-day={cell.day}
              data-minutes={cell.minutes}
            >
              <title>{t('dashboard.heatmap.day', { date: formatDay(cell.day, locale), minutes: t('dashboard.minutes', { count: cell.minutes }) })}</title>
            </rect>
          ))}
        </svg>
      </div>
      <div className="heatmap__legend" aria-hidden="true">
        <span>{t('dashboard.heatmap.less')}</span>
        {INTENSITIES.map((intensity) => (
          <svg key={intensity} width={CELL} height={CELL}>
            <rect className={`heatmap__cell heatmap__cell--${intensity}`} width={CELL} height={CELL} rx={2} />
          </svg>
        ))}
        <span>{t('dashboard.heatmap.more')}</span>
      </div>
    </DashboardSection>
  );
}
