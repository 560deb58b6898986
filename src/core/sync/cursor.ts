import { cursorSchema } from '../../shared/sync';
import { invalidInput } from '../errors/app-error';

/**
 * Where a device stands in the server's change numbering: per scope, and in which history of the
 * server's database (`history`, null in a cursor from before histories were named, or the initial one).
 */
export interface Cursor {
  user: number;
  catalogue: number;
  history: string | null;
}

export function parseCursor(text: string): Cursor {
  if (!cursorSchema.safeParse(text).success) throw invalidInput('The sync cursor is not one this server made.');
  const [user, catalogue, history] = text.split('.') as [string, string, string | undefined];
  return { user: Number(user), catalogue: Number(catalogue), history: history ?? null };
}

export const formatCursor = (cursor: Cursor): string =>
  `${cursor.user}.${cursor.catalogue}${cursor.history === null ? '' : `.${cursor.history}`}`;
