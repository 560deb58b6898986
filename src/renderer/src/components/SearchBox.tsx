import { useId } from 'react';
import { SEARCH_MAX_LENGTH } from '../lib/use-debounced-search';

interface SearchBoxProps {
  text: string;
  onChange: (text: string) => void;
  label: string;
  placeholder: string;
  clearLabel: string;
  /** The input is `${testId}-input`, the clear button `${testId}-clear`. */
  testId: string;
  spellCheck?: boolean;
}

/** A labelled search box with its clear button; Escape clears it too. */
export function SearchBox({ text, onChange, label, placeholder, clearLabel, testId, spellCheck }: SearchBoxProps) {
  const id = useId();
  return (
    <div className="search" role="search">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="search__row">
        <input
          id={id}
          type="search"
          className="field__input search__input"
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={spellCheck}
          maxLength={SEARCH_MAX_LENGTH}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault();
              onChange('');
            }
          }}
          data-testid={`${testId}-input`}
        />
        {text !== '' && (
          <button type="button" className="button" onClick={() => onChange('')} data-testid={`${testId}-clear`}>
            {clearLabel}
          </button>
        )}
      </div>
    </div>
  );
}
