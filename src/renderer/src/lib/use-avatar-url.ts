import { useEffect, useState } from 'react';
import { api } from './api';

/** Pictures already fetched, by account and picture version: a new picture has a new version. */
const cache = new Map<string, Promise<string | null>>();
const MAX_CACHED = 100;

function fetchAvatar(userId: string, version: string): Promise<string | null> {
  const key = `${userId}:${version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = api.call('profile.avatar', { userId }).then(
      ({ dataUrl }) => dataUrl,
      () => {
        // Not kept: the next screen asks again.
        cache.delete(key);
        return null;
      },
    );
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, pending);
  }
  return pending;
}

/** The account's picture as a data: URL; null without one, while loading, or when it cannot be shown. */
export function useAvatarUrl(userId: string, version: string | null): string | null {
  const [loaded, setLoaded] = useState<{ key: string; url: string | null } | null>(null);
  const key = version === null ? null : `${userId}:${version}`;
  useEffect(() => {
    if (version === null) return;
    let current = true;
    void fetchAvatar(userId, version).then((url) => {
      if (current) setLoaded({ key: `${userId}:${version}`, url });
    });
    return () => {
      current = false;
    };
  }, [userId, version]);
  return key !== null && loaded?.key === key ? loaded.url : null;
}
