import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AVATAR_MAX_BYTES } from '../../shared/accounts';
import { invalidInput } from '../errors/app-error';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

type AvatarMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

const EXTENSIONS: Record<AvatarMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
const MIME_BY_EXTENSION = Object.fromEntries(Object.entries(EXTENSIONS).map(([mime, ext]) => [ext, mime])) as Record<string, AvatarMime>;

/** What the bytes say they are, whatever the file was called. */
export function sniffImageType(bytes: Uint8Array): AvatarMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, text: string) => [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

/** The only file names the store writes or reads: nothing can point outside its folder. */
const FILE_NAME = /^[0-9a-f-]{36}-[0-9a-z]+\.(png|jpg|webp|gif)$/;

export interface AvatarStore {
  /** Check and store an image; returns its file name (a new one per picture, so caches never show an old one). */
  save(userId: string, mimeType: AvatarMime, base64: string): string;
  readDataUrl(fileName: string): string | null;
  remove(fileName: string | null): void;
}

/** Avatars as files in `<dataDir>/avatars`, never inside the database. */
export function createAvatarStore(dir: string): AvatarStore {
  return {
    save(userId, mimeType, base64) {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw invalidInput('The picture is empty', [{ path: 'dataBase64', message: 'avatar_empty' }]);
      if (bytes.length > AVATAR_MAX_BYTES) {
        throw invalidInput('The picture is too large', [{ path: 'dataBase64', message: 'avatar_too_large' }]);
      }
      const actual = sniffImageType(bytes);
      if (actual !== mimeType) {
        throw invalidInput('The file is not the kind of picture it claims to be', [{ path: 'dataBase64', message: 'avatar_wrong_type' }]);
      }
      fs.mkdirSync(dir, privateDir);
      const fileName = `${userId}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}.${EXTENSIONS[mimeType]}`;
      const partial = path.join(dir, `${fileName}.partial`);
      fs.writeFileSync(partial, bytes, { mode: PRIVATE_FILE_MODE });
      fs.renameSync(partial, path.join(dir, fileName));
      return fileName;
    },
    readDataUrl(fileName) {
      if (!FILE_NAME.test(fileName)) return null;
      try {
        const bytes = fs.readFileSync(path.join(dir, fileName));
        const mime = MIME_BY_EXTENSION[fileName.split('.').pop() ?? ''];
        return mime ? `data:${mime};base64,${bytes.toString('base64')}` : null;
      } catch {
        return null;
      }
    },
    remove(fileName) {
      if (fileName && FILE_NAME.test(fileName)) fs.rmSync(path.join(dir, fileName), { force: true });
    },
  };
}
