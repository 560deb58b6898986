import { useId } from 'react';
import type { Preferences } from '../../../../shared/contract';
import { useT, type TextKey } from '../../i18n';
import { SaveError } from './SaveError';
import { useSavePreferences } from './use-save-preferences';

type Toggle = 'hideStreaks' | 'hideComparisons';

const TOGGLES: readonly { name: Toggle; label: TextKey; hint: TextKey; testId: string }[] = [
  { name: 'hideStreaks', label: 'motivation.settings.hideStreaks', hint: 'motivation.settings.hideStreaksHint', testId: 'hide-streaks' },
  {
    name: 'hideComparisons',
    label: 'motivation.settings.hideComparisons',
    hint: 'motivation.settings.hideComparisonsHint',
    testId: 'hide-comparisons',
  },
];

const change = (name: Toggle, value: boolean) => (name === 'hideStreaks' ? { hideStreaks: value } : { hideComparisons: value });

/** «Мотивация»: the student may choose not to see streaks or week-on-week comparisons. */
export function MotivationSettings({ settings }: { settings: Preferences['otherSettings'] }) {
  const t = useT();
  const id = useId();
  const save = useSavePreferences();
  return (
    <div className="setting motivation-settings">
      <p className="setting__hint">{t('motivation.settings.intro')}</p>
      {TOGGLES.map((toggle) => (
        <div key={toggle.name} className="checkbox-field">
          <input
            id={`${id}-${toggle.name}`}
            type="checkbox"
            checked={settings[toggle.name]}
            aria-describedby={`${id}-${toggle.name}-hint`}
            onChange={(event) => void save.run({ otherSettings: change(toggle.name, event.target.checked) })}
            data-testid={toggle.testId}
          />
          <div>
            <label htmlFor={`${id}-${toggle.name}`} className="checkbox-field__label">
              {t(toggle.label)}
            </label>
            <p id={`${id}-${toggle.name}-hint`} className="field__hint">
              {t(toggle.hint)}
            </p>
          </div>
        </div>
      ))}
      <SaveError error={save.error} />
    </div>
  );
}
