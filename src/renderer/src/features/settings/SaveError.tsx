import { errorKey, useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { isSchoolRefusal } from '../../lib/school-policy-store';

export function SaveError({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert" data-testid="settings-error" data-error-code={error.code}>
      {t('settings.saveError')} {isSchoolRefusal(error, 'locked_by_school') ? t('school.locked') : t(errorKey(error.code))}
    </p>
  );
}
