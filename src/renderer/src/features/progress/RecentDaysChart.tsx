import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract';
import { localeOf, useLanguage, useT } from '../../i18n';
import { CHART } from './chart-theme';
import { formatDay } from './days';
import { DashboardSection } from './DashboardSection';
import { fillRecentDays, summariseDays, type DayMinutes } from './recent-days';

/** Minutes a day over the last 30 days, with the daily goal as a dashed line. */
export function RecentDaysChart({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const locale = localeOf(language);
  const goal = dashboard.summary.dailyGoalMinutes;
  const days = useMemo(() => fillRecentDays(dashboard.today, dashboard.recentDays), [dashboard.today, dashboard.recentDays]);
  const totals = summariseDays(days, goal);
  const summary = t('dashboard.recent.summary', {
    count: totals.totalMinutes,
    days: t('dashboard.days', { count: totals.activeDays }),
    today: t('dashboard.minutes', { count: totals.todayMinutes }),
  });
  return (
    <DashboardSection
      title={t('dashboard.recent.title')}
      testId="dashboard-recent"
      summary={summary}
      empty={totals.totalMinutes === 0 ? <p>{t('dashboard.recent.empty')}</p> : undefined}
    >
      <div className="dashboard-chart" role="img" aria-label={summary} data-testid="dashboard-recent-chart" data-today-minutes={totals.todayMinutes}>
        <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 640, height: 240 }}>
          <BarChart data={days} margin={{ top: 20, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={CHART.grid} strokeDasharray="3 3" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => formatDay(day, locale, { day: 'numeric', month: 'short' })}
              tick={{ fill: CHART.text, fontSize: 12 }}
              stroke={CHART.axis}
              minTickGap={12}
            />
            <YAxis allowDecimals={false} width={40} tick={{ fill: CHART.text, fontSize: 12 }} stroke={CHART.axis} />
            <Tooltip
              cursor={{ fill: CHART.cursor }}
              isAnimationActive={false}
              content={({ active, payload }) => {
                const day = payload?.[0]?.payload as DayMinutes | undefined;
                if (!active || !day) return null;
                return (
                  <div className="chart-tooltip">
                    <p className="chart-tooltip__title">{formatDay(day.day, locale)}</p>
                    <p>{t('dashboard.minutes', { count: day.minutes })}</p>
                  </div>
                );
              }}
            />
            <ReferenceLine
              y={goal}
              stroke={CHART.goal}
              strokeDasharray="6 4"
              strokeWidth={2}
              ifOverflow="extendDomain"
              label={{ value: t('dashboard.recent.goal', { count: goal }), position: 'insideTopRight', fill: CHART.text, fontSize: 12 }}
            />
            <Bar dataKey="minutes" fill={CHART.bar} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </DashboardSection>
  );
}
