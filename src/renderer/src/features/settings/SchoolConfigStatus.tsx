import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import './school-config.css';

/**
 * For an administrator: which school configuration file this computer uses, and — as a banner — what is
 * wrong with it (which file, which field, why), so a typo does not go unnoticed.
 */
export function SchoolConfigStatus() {
  const t = useT();
  const status = useCall('school.status', undefined);
  const data = status.data;
  if (!data || (data.source === null && data.ok)) return null;
  if (data.ok) {
    return (
      <p className="notice school-config" data-testid="school-config-status">
        {t('school.status.applied', { file: data.source ?? '' })}
      </p>
    );
  }
  return (
    <div className="school-config school-config--problems" role="alert" data-testid="school-config-problems">
      <p className="notice__title">{t('school.banner.title')}</p>
      {data.source && <p className="school-config__file">{t('school.banner.file', { file: data.source })}</p>}
      <p>{data.applied ? t('school.banner.applied') : t('school.banner.notApplied')}</p>
      <ul className="school-config__list">
        {data.problems.map((problem, index) => (
          <li key={index} data-testid="school-config-problem" data-field={problem.field}>
            {problem.file !== data.source && <code>{problem.file}</code>} <code>{problem.field}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
