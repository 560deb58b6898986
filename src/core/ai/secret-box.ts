import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

/** Encrypts small secrets (API keys) at rest. */
export interface SecretBox {
  seal(plain: string): string;
  /** Null when the sealed text cannot be opened (another installation's key, or damaged). */
  open(sealed: string): string | null;
}

const VERSION = 'v1';

/**
 * AES-256-GCM with a random key kept in a file of this installation's data directory (owner-only).
 * A copied database without that file reveals no key. The desktop shell may later wrap this key with
 * the OS keychain (Electron's safeStorage) without changing the format of what is sealed.
 */
export function createFileSecretBox(keyFile: string): SecretBox {
  let key: Buffer | null = null;
  const loadKey = (): Buffer => {
    if (key) return key;
    if (!fs.existsSync(keyFile)) {
      fs.mkdirSync(path.dirname(keyFile), privateDir);
      // 'wx': two processes racing on first start cannot both write a key.
      try {
        fs.writeFileSync(keyFile, randomBytes(32), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    key = fs.readFileSync(keyFile);
    return key;
  };
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) return null;
      const bytes = Buffer.from(payload, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', loadKey(), bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
