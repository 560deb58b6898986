import { useEffect, type RefObject } from 'react';

/** After a failed submit, takes the student to the first field that needs fixing. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, failure: unknown): void {
  useEffect(() => {
    if (!failure) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, failure]);
}
