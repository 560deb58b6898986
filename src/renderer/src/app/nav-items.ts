import type { UserRole } from '../../../shared/domain';
import type { TextKey } from '../i18n';
import type { Section } from './routes';

export interface NavItem {
  section: Section;
  label: TextKey;
  /** Who sees the item (and may open its page); everyone when absent. */
  roles?: readonly UserRole[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'courses', label: 'nav.courses' },
  { section: 'exams', label: 'nav.exams' },
  { section: 'chat', label: 'nav.chat' },
  { section: 'progress', label: 'nav.progress' },
  { section: 'achievements', label: 'nav.achievements' },
  { section: 'teacher', label: 'nav.teacher', roles: ['teacher', 'admin'] },
  { section: 'import', label: 'nav.import', roles: ['teacher', 'admin'] },
  { section: 'admin', label: 'nav.admin', roles: ['admin'] },
  { section: 'profile', label: 'nav.profile' },
  { section: 'settings', label: 'nav.settings' },
];

export const mayOpen = (section: Section, role: UserRole): boolean => {
  const item = NAV_ITEMS.find((candidate) => candidate.section === section);
  return !item?.roles || item.roles.includes(role);
};

export const navItemsFor = (role: UserRole): readonly NavItem[] => NAV_ITEMS.filter((item) => mayOpen(item.section, role));
