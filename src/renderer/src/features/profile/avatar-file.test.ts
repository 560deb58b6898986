import { describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES } from '../../../../shared/accounts';
import { checkAvatarFile } from './avatar-file';

describe('checkAvatarFile', () => {
  it('accepts the four picture types up to the size limit', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif']) {
      expect(checkAvatarFile({ type, size: AVATAR_MAX_BYTES })).toEqual({ mimeType: type });
    }
  });

  it('refuses other types, empty files and files over the limit with the core’s issue messages', () => {
    expect(checkAvatarFile({ type: 'image/svg+xml', size: 10 })).toEqual({ issue: 'avatar_wrong_type' });
    expect(checkAvatarFile({ type: '', size: 10 })).toEqual({ issue: 'avatar_wrong_type' });
    expect(checkAvatarFile({ type: 'image/png', size: 0 })).toEqual({ issue: 'avatar_empty' });
    expect(checkAvatarFile({ type: 'image/png', size: AVATAR_MAX_BYTES + 1 })).toEqual({ issue: 'avatar_too_large' });
  });
});
