import type { TextKey, Translate } from '../../i18n';
import { ru } from '../../i18n/ru';

/** ru.ts holds every key (en.ts must have the same): a name the catalogue added later may have none yet. */
const hasText = (key: string): key is TextKey => Object.prototype.hasOwnProperty.call(ru, key) && typeof ru[key as keyof typeof ru] === 'string';

interface Named {
  name: string;
  title: string;
  description?: string;
}

/** The achievement's title in the interface language, or the core's own when this version has none. */
export function achievementTitle(t: Translate, achievement: Named): string {
  const key = `achievement.${achievement.name}.title`;
  return hasText(key) ? t(key) : achievement.title;
}

export function achievementDescription(t: Translate, achievement: Named): string {
  const key = `achievement.${achievement.name}.description`;
  return hasText(key) ? t(key) : (achievement.description ?? '');
}

/** Progress towards a locked achievement, 0–100. */
export function achievementPercent(current: number, target: number): number {
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, (current / target) * 100));
}

/** Earned ones first, the latest on top; then the rest, the nearest to being earned first, catalogue order otherwise. */
export function sortAchievements<T extends { unlockedAt: string | null; current: number; criteriaValue: number }>(list: readonly T[]): T[] {
  const rank = (item: T) => (item.unlockedAt !== null ? 0 : 1);
  return list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (rank(a.item) !== rank(b.item)) return rank(a.item) - rank(b.item);
      if (a.item.unlockedAt !== null && b.item.unlockedAt !== null && a.item.unlockedAt !== b.item.unlockedAt) {
        return a.item.unlockedAt < b.item.unlockedAt ? 1 : -1;
      }
      if (a.item.unlockedAt === null) {
        const gap = achievementPercent(b.item.current, b.item.criteriaValue) - achievementPercent(a.item.current, a.item.criteriaValue);
        if (gap !== 0) return gap;
      }
      return a.index - b.index;
    })
    .map(({ item }) => item);
}
