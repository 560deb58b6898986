/** What a homework attachment may be: documents and photos of written work. */
export const ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];
/** Photos of an exercise book fit; the limit keeps a contract call under the seam's 1 MiB body limit. */
export const ATTACHMENT_MAX_BYTES = 700 * 1024;
export const HOMEWORK_TEXT_MAX = 20_000;
