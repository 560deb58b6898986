import { useCallback } from 'react';
import { localeOf, useLanguage } from '../../i18n';
import { formatPlanDate, type DateFormatOptions } from './plan-dates';

/** Formats a plan's calendar days in the interface language. */
export function usePlanDate(): (date: string, options?: DateFormatOptions) => string {
  const language = useLanguage((state) => state.language);
  return useCallback((date, options) => formatPlanDate(date, localeOf(language), options), [language]);
}
