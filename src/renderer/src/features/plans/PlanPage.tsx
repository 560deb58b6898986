import { useCallback, useState } from 'react';
import type { LearningPlan } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { useCourse } from '../courses/use-courses';
import { localToday } from './plan-dates';
import { PlanForm } from './PlanForm';
import { PlanView } from './PlanView';
import { usePlan } from './use-plan';
import './plans.css';

/** A course id that does not exist (or is not even an id) is «not found», not a failure to retry. */
const isMissing = (error: ApiError) => error.code === 'not_found' || error.code === 'invalid_input';

/** The study plan of a course (`#/courses/<id>/plan`): the form to make one, or the plan itself. */
export function PlanPage({ courseId }: { courseId: string }) {
  const t = useT();
  const course = useCourse(courseId);
  const plan = usePlan(courseId);
  /** «Пересоставить план» pressed: the form, filled in with the current settings. */
  const [editing, setEditing] = useState(false);
  /** The plan on screen was just made here: the focus goes to it. */
  const [justMade, setJustMade] = useState(false);
  const { update } = plan;
  const showPlan = useCallback(
    (made: LearningPlan) => {
      update(() => made);
      setEditing(false);
      setJustMade(true);
    },
    [update],
  );
  const retry = () => {
    course.reload();
    plan.reload();
  };

  let content;
  if (course.data === undefined && course.error) {
    content = isMissing(course.error) ? (
      <ErrorState title={t('course.notFound.title')} message={t('course.notFound.text')} error={course.error} />
    ) : (
      <ErrorState title={t('plan.loadError')} error={course.error} onRetry={retry} />
    );
  } else if (course.data && !course.data.enrolment) {
    content = <EmptyState title={t('plan.notEnrolled.title')} text={t('plan.notEnrolled.text')} testId="plan-not-enrolled" />;
  } else if (plan.data === undefined && plan.error) {
    content = <ErrorState title={t('plan.loadError')} error={plan.error} onRetry={retry} />;
  } else if (course.data === undefined || plan.data === undefined) {
    content = <LoadingState message={t('plan.loading')} />;
  } else if (plan.data === null || editing) {
    content = (
      <PlanForm
        courseId={courseId}
        today={plan.data?.today ?? localToday()}
        settings={plan.data?.settings}
        onGenerated={showPlan}
        onCancel={plan.data ? () => setEditing(false) : undefined}
      />
    );
  } else {
    content = (
      <PlanView
        plan={plan.data}
        focusOnShow={justMade}
        onRegenerate={() => {
          setJustMade(false);
          setEditing(true);
        }}
      />
    );
  }

  return (
    <section className="page plan-page" data-testid="plan-page">
      <a className="back-link" href={hrefFor({ name: 'course', courseId })}>
        <span aria-hidden="true">← </span>
        {t('plan.back')}
      </a>
      <header className="plan-header">
        {course.data && <p className="plan-header__course">{course.data.title}</p>}
        <PageTitle title={t('plan.title')} testId="plan-title" />
      </header>
      {content}
    </section>
  );
}
