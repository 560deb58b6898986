import { useId } from 'react';
import { LANGUAGES } from '../../../../shared/domain';
import { LANGUAGE_NAMES, useLanguage, useT } from '../../i18n';

/** Русский / English: the whole interface switches at once. */
export function LanguageSwitch() {
  const t = useT();
  const labelId = useId();
  const hintId = useId();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <div className="setting">
      <h3 id={labelId} className="setting__label">
        {t('settings.language')}
      </h3>
      <p id={hintId} className="setting__hint">
        {t('settings.languageHint')}
      </p>
      <div className="segmented" role="group" aria-labelledby={labelId} aria-describedby={hintId}>
        {LANGUAGES.map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            className="segmented__option"
            aria-pressed={language === option}
            onClick={() => setLanguage(option)}
            data-testid={`language-${option}`}
          >
            {LANGUAGE_NAMES[option]}
          </button>
        ))}
      </div>
    </div>
  );
}
