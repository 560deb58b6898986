import type { Ref } from 'react';
import { useT } from '../../i18n';
import { WEEKDAYS } from './plan-form';

interface WeekdayTogglesProps {
  value: readonly number[];
  onToggle: (day: number) => void;
  labelledBy: string;
  describedBy?: string | undefined;
  invalid: boolean;
  /** The Monday button, to take the focus when no day is chosen. */
  firstRef?: Ref<HTMLButtonElement>;
}

/** Seven toggles, Monday to Sunday; any number of them may be pressed. */
export function WeekdayToggles({ value, onToggle, labelledBy, describedBy, invalid, firstRef }: WeekdayTogglesProps) {
  const t = useT();
  return (
    <div
      className={invalid ? 'segmented plan-days plan-days--invalid' : 'segmented plan-days'}
      role="group"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      {WEEKDAYS.map((day) => (
        <button
          key={day}
          ref={day === 1 ? firstRef : undefined}
          type="button"
          className="segmented__option plan-days__day"
          aria-pressed={value.includes(day)}
          title={t(`plan.weekdayFull.${day}`)}
          onClick={() => onToggle(day)}
          data-testid={`plan-day-${day}`}
        >
          {t(`plan.weekday.${day}`)}
        </button>
      ))}
    </div>
  );
}
