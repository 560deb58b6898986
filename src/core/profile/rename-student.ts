import { eq } from 'drizzle-orm';
import type { MutationArgs } from '../../shared/mutations';
import { users } from '../db/schema';
import type { Db } from '../db/types';

export async function renameStudent(tx: Db, userId: string, args: MutationArgs<'profile.update'>): Promise<void> {
  await tx.update(users).set({ fullName: args.fullName }).where(eq(users.id, userId));
}
