import { useT } from '../i18n';

interface ProgressBarProps {
  /** 0–100 */
  value: number;
  /** What is measured, for screen readers. */
  label: string;
  /** Also write the percentage next to the bar. */
  showValue?: boolean;
}

export function ProgressBar({ value, label, showValue = false }: ProgressBarProps) {
  const t = useT();
  const percent = Math.round(Math.min(100, Math.max(0, value)));
  const text = t('common.percent', { value: percent });
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      {showValue && (
        <span className="progress__value" aria-hidden="true">
          {text}
        </span>
      )}
    </div>
  );
}
