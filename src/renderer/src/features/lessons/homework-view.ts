import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES, type AttachmentMime } from '../../../../shared/homework';
import type { TextKey } from '../../i18n';

/** What the file picker offers: the four types, and their extensions for systems that name no type. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_MIME_TYPES, '.pdf', '.png', '.jpg', '.jpeg', '.txt'].join(',');

/** The contract's limit on an attachment's name. */
const NAME_MAX = 200;

const BY_EXTENSION: Readonly<Record<string, AttachmentMime>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
};

const isAttachmentType = (type: string): type is AttachmentMime => (ATTACHMENT_MIME_TYPES as readonly string[]).includes(type);

/** The type of a chosen file: what the browser says, or (when it says nothing) what the extension says. */
function typeOf(file: { name: string; type: string }): AttachmentMime | null {
  if (file.type) return isAttachmentType(file.type) ? file.type : null;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/**
 * Checks a chosen file before anything is read or sent: the issue message (as the core would say it),
 * or the type to send it as. The core checks again, and also whether the bytes are what the type says.
 */
export function checkAttachmentFile(file: { name: string; type: string; size: number }): { issue: string } | { mimeType: AttachmentMime } {
  const mimeType = typeOf(file);
  if (mimeType === null) return { issue: 'attachment_wrong_type' };
  if (file.size === 0) return { issue: 'attachment_empty' };
  if (file.size > ATTACHMENT_MAX_BYTES) return { issue: 'attachment_too_large' };
  return { mimeType };
}

/** The file's name as the contract takes it: trimmed, and shortened in the middle so the extension stays. */
export function attachmentName(name: string): string {
  const trimmed = name.trim() || 'file';
  if (trimmed.length <= NAME_MAX) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const extension = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  return `${trimmed.slice(0, NAME_MAX - extension.length - 1)}…${extension}`;
}

const ISSUES = {
  homework_empty: 'homework.issue.empty',
  attachment_wrong_type: 'homework.issue.wrongType',
  attachment_too_large: 'homework.issue.tooLarge',
  attachment_empty: 'homework.issue.fileEmpty',
  not_base64: 'homework.issue.unreadable',
} as const satisfies Readonly<Record<string, TextKey>>;

/** The sentence for an issue of the homework form; anything else (zod's own texts) is «check this field». */
export const homeworkIssueKey = (message: string): TextKey =>
  Object.prototype.hasOwnProperty.call(ISSUES, message) ? ISSUES[message as keyof typeof ISSUES] : 'issue.invalid';

/** «5 марта 2026 г. в 14:30» / «5 March 2026 at 14:30»; null for a broken timestamp. */
export function formatSubmittedAt(iso: string, locale: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
