import { useId } from 'react';
import { THEMES, type Theme } from '../../../../shared/domain';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { LockedBySchool } from '../../components/LockedBySchool';
import { useLockedBySchool } from '../../lib/school-policy-store';
import { themeKey, useT } from '../../i18n';
import { SaveError } from './SaveError';
import { useSavePreferences } from './use-save-preferences';

/** Светлая / Тёмная / Как в системе. */
export function ThemeSetting({ value }: { value: Theme }) {
  const t = useT();
  const labelId = useId();
  const hintId = useId();
  const save = useSavePreferences();
  const locked = useLockedBySchool('theme');
  const lockId = useId();
  const choices = THEMES.map((theme) => ({ value: theme, label: t(themeKey(theme)), testId: `theme-${theme}` }));
  return (
    <div className="setting">
      <h3 id={labelId} className="setting__label">
        {t('settings.theme')}
      </h3>
      <p id={hintId} className="setting__hint">
        {t('settings.themeHint')}
      </p>
      <ChoiceGroup
        choices={choices}
        value={value}
        onChange={(theme) => void save.run({ theme })}
        labelledBy={labelId}
        describedBy={locked ? `${hintId} ${lockId}` : hintId}
        disabled={locked}
      />
      {locked && <LockedBySchool id={lockId} setting="theme" />}
      <SaveError error={save.error} />
    </div>
  );
}
