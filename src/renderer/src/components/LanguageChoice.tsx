import { LANGUAGES, type Language } from '../../../shared/domain';
import { LANGUAGE_NAMES } from '../i18n';
import { ChoiceGroup } from './ChoiceGroup';

const CHOICES = LANGUAGES.map((language) => ({
  value: language,
  label: LANGUAGE_NAMES[language],
  lang: language,
  testId: `language-${language}`,
}));

/** Русский / English, each in its own language so anyone can find theirs. */
export function LanguageChoice(props: {
  value: Language;
  onChange: (language: Language) => void;
  labelledBy: string;
  describedBy?: string;
  compact?: boolean;
  disabled?: boolean;
}) {
  return <ChoiceGroup choices={CHOICES} {...props} />;
}
