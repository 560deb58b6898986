import { AVATAR_MAX_BYTES, AVATAR_MIME_TYPES } from '../../../../shared/accounts';

export type AvatarMimeType = (typeof AVATAR_MIME_TYPES)[number];

const isAvatarType = (type: string): type is AvatarMimeType => (AVATAR_MIME_TYPES as readonly string[]).includes(type);

/** Checks a chosen picture before sending it: the issue message (as the core would say it), or its type. */
export function checkAvatarFile(file: { type: string; size: number }): { issue: string } | { mimeType: AvatarMimeType } {
  if (!isAvatarType(file.type)) return { issue: 'avatar_wrong_type' };
  if (file.size === 0) return { issue: 'avatar_empty' };
  if (file.size > AVATAR_MAX_BYTES) return { issue: 'avatar_too_large' };
  return { mimeType: file.type };
}
