import { useEffect, useRef } from 'react';
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { outcomeOf, type PracticeSummary as Summary } from './practice-session';

interface PracticeSummaryProps {
  summary: Summary;
  elapsedMs: number;
  points: number;
  lessonId: string;
  courseId: string;
  onRestart: () => void;
}

/** The end of a session: how it went, in the numbers the session recorded, with a short celebration. */
export function PracticeSummary({ summary, elapsedMs, points, lessonId, courseId, onRestart }: PracticeSummaryProps) {
  const t = useT();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus({ preventScroll: true }), []);
  const outcome = outcomeOf(summary);
  const seconds = Math.round(elapsedMs / 1000);
  return (
    <section className="card practice-summary" aria-labelledby="practice-summary-title" data-testid="practice-summary" data-outcome={outcome}>
      {/* Decoration only; it stays still for anyone who asked for reduced motion (practice.css). */}
      <div className="practice-celebration" aria-hidden="true">
        {['★', '✦', '★', '✦', '★'].map((star, index) => (
          <span key={index} className="practice-celebration__star" style={{ animationDelay: `${index * 90}ms` }}>
            {star}
          </span>
        ))}
      </div>
      <h2 id="practice-summary-title" ref={title} tabIndex={-1} className="practice-summary__title">
        {t('practice.summary.title')}
      </h2>
      <p className="practice-summary__outcome" data-testid="practice-outcome">
        {t(`practice.outcome.${outcome}`)}
      </p>
      <dl className="practice-summary__facts">
        <div className="practice-fact" data-testid="practice-accuracy">
          <dt>{t('practice.summary.accuracy')}</dt>
          <dd>
            <strong>{t('common.percent', { value: summary.accuracy })}</strong>
            <span className="practice-fact__detail">
              {t('practice.summary.accuracyDetail', { right: summary.rightAnswers, count: summary.answers })}
            </span>
          </dd>
        </div>
        <div className="practice-fact" data-testid="practice-first-try">
          <dt>{t('practice.summary.firstTry')}</dt>
          <dd>
            <strong>{t('practice.summary.ofCount', { done: summary.firstTry, count: summary.questions })}</strong>
          </dd>
        </div>
        <div className="practice-fact" data-testid="practice-solved">
          <dt>{t('practice.summary.solved')}</dt>
          <dd>
            <strong>{t('practice.summary.ofCount', { done: summary.solved, count: summary.questions })}</strong>
          </dd>
        </div>
        <div className="practice-fact" data-testid="practice-time">
          <dt>{t('practice.summary.time')}</dt>
          <dd>
            <strong>
              {seconds < 60
                ? t('practice.summary.seconds', { seconds })
                : t('practice.summary.timeValue', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
            </strong>
          </dd>
        </div>
        <div className="practice-fact" data-testid="practice-points">
          <dt>{t('practice.summary.points')}</dt>
          <dd>
            <strong>{t('practice.summary.pointsValue', { points })}</strong>
          </dd>
        </div>
      </dl>
      <p className="muted practice-summary__note">{t('practice.summary.pointsNote')}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onRestart} data-testid="practice-again">
          {t('practice.again')}
        </button>
        <a className="button" href={hrefFor({ name: 'lesson', lessonId })}>
          {t('practice.backToLesson')}
        </a>
        <a className="button" href={hrefFor({ name: 'course', courseId })}>
          {t('practice.backToCourse')}
        </a>
      </div>
    </section>
  );
}
