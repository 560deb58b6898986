import { useCallback } from 'react';
import { useT } from '../../i18n';

/** «120 байт» under a kilobyte, «1,5 КБ» above it, in the interface language. */
export function useFileSize(): (bytes: number) => string {
  const t = useT();
  return useCallback((bytes: number) => (bytes < 1024 ? t('homework.bytes', { count: bytes }) : t('fileSize.kilobytes', { size: bytes / 1024 })), [t]);
}
