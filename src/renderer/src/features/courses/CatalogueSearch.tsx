import { useId } from 'react';
import { useT } from '../../i18n';

interface CatalogueSearchProps {
  text: string;
  onChange: (text: string) => void;
}

/** The search box of the Courses page, with its clear button. */
export function CatalogueSearch({ text, onChange }: CatalogueSearchProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="search" role="search">
      <label className="field__label" htmlFor={id}>
        {t('courses.search.label')}
      </label>
      <div className="search__row">
        <input
          id={id}
          type="search"
          className="field__input search__input"
          placeholder={t('courses.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault();
              onChange('');
            }
          }}
          data-testid="search-input"
        />
        {text !== '' && (
          <button type="button" className="button" onClick={() => onChange('')} data-testid="search-clear">
            {t('courses.search.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
