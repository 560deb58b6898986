import { useId, type ReactNode } from 'react';

interface DashboardSectionProps {
  title: string;
  /** A sentence that says what the chart shows, for everyone (and instead of the chart for screen readers). */
  summary?: string;
  /** Shown instead of the chart when there is nothing to show yet. */
  empty?: ReactNode;
  testId: string;
  className?: string;
  children?: ReactNode;
}

/** One card of the dashboard: a heading, a short text summary, and its chart or its own empty state. */
export function DashboardSection({ title, summary, empty, testId, className = '', children }: DashboardSectionProps) {
  const headingId = useId();
  return (
    <section className={`card dashboard-section ${className}`} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="dashboard-section__title">
        {title}
      </h2>
      {empty ? (
        <div className="dashboard-section__empty" data-testid={`${testId}-empty`}>
          {empty}
        </div>
      ) : (
        <>
          {summary && (
            <p className="dashboard-section__summary" data-testid={`${testId}-summary`}>
              {summary}
            </p>
          )}
          {children}
        </>
      )}
    </section>
  );
}
