import { useId, useState } from 'react';
import { DAILY_GOAL_MAX, DAILY_GOAL_MIN } from '../../../../shared/accounts';
import { useT } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { SaveError } from './SaveError';
import { useSavePreferences } from './use-save-preferences';

const parseGoal = (text: string): number | null => {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= DAILY_GOAL_MIN && minutes <= DAILY_GOAL_MAX ? minutes : null;
};

/** Minutes a day the student means to study; saved as soon as a valid number is typed. */
export function DailyGoalSetting({ value }: { value: number }) {
  const t = useT();
  const id = useId();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const invalid = parseGoal(text) === null;
  const saveGoal = useDebounced((dailyGoalMinutes: number) => {
    void save.run({ otherSettings: { dailyGoalMinutes } });
  }, 500);
  const limits = { min: DAILY_GOAL_MIN, max: DAILY_GOAL_MAX };
  return (
    <div className="setting">
      <label htmlFor={id} className="setting__label">
        {t('settings.dailyGoal')}
      </label>
      <p id={`${id}-hint`} className="setting__hint">
        {t('settings.dailyGoalHint', limits)}
      </p>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="field__input field__input--short"
        min={DAILY_GOAL_MIN}
        max={DAILY_GOAL_MAX}
        step={1}
        value={text}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value);
          const minutes = parseGoal(event.target.value);
          if (minutes !== null) saveGoal(minutes);
        }}
        onBlur={() => {
          if (!invalid) setDraft(null);
        }}
        data-testid="daily-goal"
      />
      {invalid && (
        <p id={`${id}-error`} className="field__error" data-testid="field-error" data-field="dailyGoalMinutes">
          {t('settings.dailyGoalInvalid', limits)}
        </p>
      )}
      <SaveError error={save.error} />
    </div>
  );
}
