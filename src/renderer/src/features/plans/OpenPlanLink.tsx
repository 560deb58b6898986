import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import './plans.css';

/** «План занятий» on the page of a course the student is taking. */
export function OpenPlanLink({ courseId }: { courseId: string }) {
  const t = useT();
  return (
    <a className="button open-plan" href={hrefFor({ name: 'plan', courseId })} data-testid="open-plan">
      {t('plan.open')}
    </a>
  );
}
