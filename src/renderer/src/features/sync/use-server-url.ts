import { useEffect, useState } from 'react';
import { useLockedBySchool, useSchoolPolicy } from '../../lib/school-policy-store';

/**
 * The server address field: the school's address when its configuration names one (fixed when the
 * school locked it), otherwise what the student types.
 */
export function useServerUrl(initial = ''): { value: string; set: (value: string) => void; locked: boolean } {
  const schoolUrl = useSchoolPolicy((state) => state.policy?.syncServerUrl ?? null);
  const locked = useLockedBySchool('syncServerUrl');
  const [value, set] = useState(initial || schoolUrl || '');
  useEffect(() => {
    void useSchoolPolicy.getState().load();
  }, []);
  useEffect(() => {
    if (schoolUrl && (locked || value === '')) set(schoolUrl);
    // Only when the school's address arrives: what the student typed is not overwritten later.
  }, [schoolUrl, locked]);
  return { value: locked && schoolUrl ? schoolUrl : value, set, locked };
}
