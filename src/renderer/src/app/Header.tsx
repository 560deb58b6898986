import { useT } from '../i18n';
import { useAppInfo } from '../lib/app-info-store';

function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

export function Header() {
  const t = useT();
  const student = useAppInfo((state) => state.info?.student);
  return (
    <header className="app-header">
      <p className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          T
        </span>
        {t('app.name')}
      </p>
      {student && (
        <p className="app-header__student">
          <span className="app-header__avatar" aria-hidden="true">
            {initials(student.fullName)}
          </span>
          <span className="visually-hidden">{t('app.student')}: </span>
          <span data-testid="student-name">{student.fullName}</span>
        </p>
      )}
    </header>
  );
}
