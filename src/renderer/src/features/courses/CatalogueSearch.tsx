import { SearchBox } from '../../components/SearchBox';
import { useT } from '../../i18n';

interface CatalogueSearchProps {
  text: string;
  onChange: (text: string) => void;
}

/** The search box of the Courses page, with its clear button. */
export function CatalogueSearch({ text, onChange }: CatalogueSearchProps) {
  const t = useT();
  return (
    <SearchBox
      text={text}
      onChange={onChange}
      label={t('courses.search.label')}
      placeholder={t('courses.search.placeholder')}
      clearLabel={t('courses.search.clear')}
      spellCheck={false}
      testId="search"
    />
  );
}
