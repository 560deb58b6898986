import { useId } from 'react';
import type { Language } from '../../../../shared/domain';
import { LanguageChoice } from '../../components/LanguageChoice';
import { LockedBySchool } from '../../components/LockedBySchool';
import { useLockedBySchool } from '../../lib/school-policy-store';
import { useT } from '../../i18n';
import { SaveError } from './SaveError';
import { useSavePreferences } from './use-save-preferences';

/** Русский / English: the whole interface switches at once, and the choice follows the student. */
export function LanguageSetting({ value }: { value: Language }) {
  const t = useT();
  const labelId = useId();
  const hintId = useId();
  const save = useSavePreferences();
  const locked = useLockedBySchool('language');
  const lockId = useId();
  return (
    <div className="setting">
      <h3 id={labelId} className="setting__label">
        {t('settings.language')}
      </h3>
      <p id={hintId} className="setting__hint">
        {t('settings.languageHint')}
      </p>
      <LanguageChoice
        value={value}
        onChange={(language) => void save.run({ language })}
        labelledBy={labelId}
        describedBy={locked ? `${hintId} ${lockId}` : hintId}
        disabled={locked}
      />
      {locked && <LockedBySchool id={lockId} setting="language" />}
      <SaveError error={save.error} />
    </div>
  );
}
