import type { Translate } from '../../i18n';

/** «812 МБ», «4,1 ГБ»: a model's size or memory as an admin reads it. */
export function formatMegabytes(bytes: number, locale: string, t: Translate): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1024) return t('aiSettings.embedded.gigabytes', { value: (mb / 1024).toLocaleString(locale, { maximumFractionDigits: 1 }) });
  return t('aiSettings.embedded.megabytes', { value: mb.toLocaleString(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 }) });
}
