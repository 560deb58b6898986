import { useEffect, useState } from 'react';
import { api } from './api';

/** Pictures already fetched, by account and picture version: a new picture has a new version. */
const cache = new Map<string, Promise<string | null>>();
const MAX_CACHED = 100;

/** Whose picture: an account by id, or — on the sign-in screen, which knows no ids — by username. */
export type AvatarOwner = { userId: string } | { username: string };

/** One string per owner, so an effect depends on who, not on an object made anew each render. */
const ownerKey = (owner: AvatarOwner) => ('userId' in owner ? `id:${owner.userId}` : `name:${owner.username}`);
const ownerOf = (key: string): AvatarOwner => (key.startsWith('id:') ? { userId: key.slice(3) } : { username: key.slice(5) });

function fetchAvatar(owner: AvatarOwner, version: string): Promise<string | null> {
  const key = `${ownerKey(owner)}:${version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = api.call('profile.avatar', owner).then(
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
export function useAvatarUrl(owner: AvatarOwner, version: string | null): string | null {
  const [loaded, setLoaded] = useState<{ key: string; url: string | null } | null>(null);
  const who = ownerKey(owner);
  const key = version === null ? null : `${who}:${version}`;
  useEffect(() => {
    if (version === null) return;
    let current = true;
    void fetchAvatar(ownerOf(who), version).then((url) => {
      if (current) setLoaded({ key: `${who}:${version}`, url });
    });
    return () => {
      current = false;
    };
  }, [who, version]);
  return key !== null && loaded?.key === key ? loaded.url : null;
}
