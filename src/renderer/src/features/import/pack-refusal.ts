import { IMPORT_BLOCKS, PACK_CHANGED_SINCE_PREVIEW, type ImportBlock } from '../../../../shared/contract/content';
import type { ApiError } from '../../lib/api-error';

/** The core lists at most this many problems of one file. */
export const MAX_LISTED_PROBLEMS = 20;

/** Why a file was not taken, as the page says it (never the core's English). */
export type PackRefusal =
  | { kind: 'notJson' }
  | { kind: 'notAPack' }
  | { kind: 'tooLarge' }
  | { kind: 'invalid'; count: number; more: boolean; firstPath: string }
  | { kind: 'blocked'; block: ImportBlock }
  | { kind: 'changed' }
  | { kind: 'other'; error: ApiError };

const isBlock = (message: string): message is ImportBlock => (IMPORT_BLOCKS as readonly string[]).includes(message);

export function refusalOf(error: ApiError): PackRefusal {
  const messages = error.issues.map((issue) => issue.message);
  if (error.code === 'invalid_input') {
    if (messages.includes('pack_not_json')) return { kind: 'notJson' };
    if (messages.includes('pack_not_a_pack')) return { kind: 'notAPack' };
    if (messages.includes('pack_too_large')) return { kind: 'tooLarge' };
    const problems = error.issues.filter((issue) => issue.message === 'pack_invalid');
    if (problems.length > 0) {
      return { kind: 'invalid', count: problems.length, more: problems.length >= MAX_LISTED_PROBLEMS, firstPath: problems[0]!.path };
    }
  }
  if (messages.includes(PACK_CHANGED_SINCE_PREVIEW)) return { kind: 'changed' };
  const block = messages.find(isBlock);
  if (block && (error.code === 'forbidden' || error.code === 'conflict')) return { kind: 'blocked', block };
  return { kind: 'other', error };
}
