import type { Translate } from '../../i18n';

/** «12,3 КБ» below a megabyte, «1,5 МБ» above it (a diagnostics file is never a few bytes). */
export function diagnosticsSize(t: Translate, bytes: number): string {
  const kilobytes = bytes / 1024;
  return kilobytes < 1024 ? t('diagnostics.kilobytes', { size: Math.max(0.1, kilobytes) }) : t('diagnostics.megabytes', { size: kilobytes / 1024 });
}
