import { initials } from '../lib/initials';
import { useAvatarUrl } from '../lib/use-avatar-url';

interface AccountAvatarProps {
  /** An account by id, or a sign-in tile (no id: by username). */
  account: ({ id: string } | { username: string }) & { fullName: string; avatarVersion: string | null };
  size?: 'small' | 'medium' | 'large';
  /** Empty when the name is written next to the picture (the usual case). */
  alt?: string;
  testId?: string;
}

/** The account's picture, or its initials on a coloured circle while there is none. */
export function AccountAvatar({ account, size = 'small', alt = '', testId }: AccountAvatarProps) {
  const url = useAvatarUrl('id' in account ? { userId: account.id } : { username: account.username }, account.avatarVersion);
  const className = `avatar avatar--${size}`;
  if (url) return <img className={className} src={url} alt={alt} data-testid={testId} />;
  return (
    <span className={`${className} avatar--initials`} role={alt ? 'img' : undefined} aria-label={alt || undefined} aria-hidden={alt ? undefined : true}>
      {initials(account.fullName)}
    </span>
  );
}
