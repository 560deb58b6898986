import { cursorSchema } from '../../shared/sync';
import { invalidInput } from '../errors/app-error';

export interface Cursor {
  user: number;
  catalogue: number;
}

export function parseCursor(text: string): Cursor {
  if (!cursorSchema.safeParse(text).success) throw invalidInput('The sync cursor is not one this server made.');
  const [user, catalogue] = text.split('.').map(Number) as [number, number];
  return { user, catalogue };
}

export const formatCursor = (cursor: Cursor): string => `${cursor.user}.${cursor.catalogue}`;
