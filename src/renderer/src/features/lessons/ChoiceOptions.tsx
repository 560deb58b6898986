import { Markdown } from '../../components/Markdown';
import { optionName, toggleChoice } from './exercise-answer';

interface ChoiceOptionsProps {
  /** Radio buttons for one answer, checkboxes for several. */
  multiple: boolean;
  options: readonly string[];
  /** The group's radio name (one group per exercise). */
  name: string;
  choice: number | null;
  choices: readonly number[];
  onChoice: (choice: number) => void;
  onChoices: (choices: number[]) => void;
  disabled: boolean;
  labelledBy: string;
  describedBy: string;
}

/** The options of a choice exercise; an option may hold a formula. */
export function ChoiceOptions({ multiple, options, name, choice, choices, onChoice, onChoices, disabled, labelledBy, describedBy }: ChoiceOptionsProps) {
  return (
    <div className="options" role={multiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {options.map((option, index) => {
        const checked = multiple ? choices.includes(index) : choice === index;
        return (
          <label key={index} className="option" data-testid="exercise-option" data-checked={checked}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={index}
              checked={checked}
              disabled={disabled}
              onChange={() => (multiple ? onChoices(toggleChoice(choices, index)) : onChoice(index))}
              // A formula's text is MathML, which not every screen reader (nor axe) takes as a label's name.
              aria-label={optionName(option)}
            />
            <Markdown text={option} inline className="option__text" />
          </label>
        );
      })}
    </div>
  );
}
