import type { TextKey } from '../i18n';
import type { Section } from './routes';

export interface NavItem {
  section: Section;
  label: TextKey;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'courses', label: 'nav.courses' },
  { section: 'chat', label: 'nav.chat' },
  { section: 'progress', label: 'nav.progress' },
  { section: 'achievements', label: 'nav.achievements' },
  { section: 'settings', label: 'nav.settings' },
];
