interface Choice<V extends string> {
  value: V;
  label: string;
  testId: string;
  /** The language of the label, when it is not the interface's (a language's own name). */
  lang?: string;
}

interface ChoiceGroupProps<V extends string> {
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  /** The id of the element that names the group. */
  labelledBy: string;
  describedBy?: string;
  compact?: boolean;
  /** Shown but not changeable (a setting the school locked). */
  disabled?: boolean;
}

/** A row of toggle buttons of which exactly one is pressed (language, theme). */
export function ChoiceGroup<V extends string>({ choices, value, onChange, labelledBy, describedBy, compact, disabled }: ChoiceGroupProps<V>) {
  return (
    <div className={compact ? 'segmented segmented--compact' : 'segmented'} role="group" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          lang={choice.lang}
          className="segmented__option"
          aria-pressed={value === choice.value}
          disabled={disabled}
          onClick={() => onChange(choice.value)}
          data-testid={choice.testId}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
