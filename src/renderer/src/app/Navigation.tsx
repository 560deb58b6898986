import { useT } from '../i18n';
import { useSession } from '../session';
import { navItemsFor } from './nav-items';
import { NavIcon } from './NavIcon';
import { useRoute } from './router';
import { hrefFor, sectionOf } from './routes';

export function Navigation() {
  const t = useT();
  const current = sectionOf(useRoute());
  const role = useSession((state) => state.user?.role ?? 'student');
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="app-nav__list">
        {navItemsFor(role).map((item) => (
          <li key={item.section}>
            <a
              className="app-nav__link"
              href={hrefFor({ name: item.section })}
              aria-current={current === item.section ? 'page' : undefined}
              data-testid={`nav-${item.section}`}
            >
              <NavIcon section={item.section} />
              <span>{t(item.label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
