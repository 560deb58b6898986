import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, type AttachmentMime } from '../../shared/homework';
import { invalidInput } from '../errors/app-error';
import { sniffImageType } from '../profile/avatar-store';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

const EXTENSIONS: Record<AttachmentMime, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
};

/** What the bytes are, whatever the file was called: a PDF, a PNG/JPEG photo, or UTF-8 text. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMime | null {
  const image = sniffImageType(bytes);
  if (image === 'image/png' || image === 'image/jpeg') return image;
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain';
  } catch {
    return null;
  }
}

export interface StoredAttachment {
  storedAs: string;
  size: number;
}

/** The only names the store writes, so a name from anywhere else can never point outside its folder. */
export const STORED_ATTACHMENT_NAME = /^[0-9a-f-]{36}\.(pdf|png|jpg|txt)$/;
const USER_FOLDER = /^[0-9a-f-]{36}$/;

/** Homework files in `<dataDir>/attachments/<userId>/`, named by the app, never by the student. */
export function createAttachmentStore(dir: string) {
  return {
    remove(userId: string, storedAs: string | null | undefined): void {
      if (storedAs && USER_FOLDER.test(userId) && STORED_ATTACHMENT_NAME.test(storedAs)) {
        fs.rmSync(path.join(dir, userId, storedAs), { force: true });
      }
    },
    /** Everything a student attached, when their account goes. */
    removeAll(userId: string): void {
      if (USER_FOLDER.test(userId)) fs.rmSync(path.join(dir, userId), { recursive: true, force: true });
    },
    save(userId: string, mimeType: AttachmentMime, base64: string): StoredAttachment {
      const bytes = Buffer.from(base64, 'base64');
      const issue = (message: string) => invalidInput('The attachment was refused', [{ path: 'attachment', message }]);
      if (bytes.length === 0) throw issue('attachment_empty');
      if (bytes.length > ATTACHMENT_MAX_BYTES) throw issue('attachment_too_large');
      if (sniffAttachmentType(bytes) !== mimeType) throw issue('attachment_wrong_type');
      const folder = path.join(dir, userId);
      fs.mkdirSync(folder, privateDir);
      const storedAs = `${randomUUID()}.${EXTENSIONS[mimeType]}`;
      fs.writeFileSync(path.join(folder, `${storedAs}.partial`), bytes, { mode: PRIVATE_FILE_MODE });
      fs.renameSync(path.join(folder, `${storedAs}.partial`), path.join(folder, storedAs));
      return { storedAs, size: bytes.length };
    },
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
