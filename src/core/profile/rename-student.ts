import { eq } from 'drizzle-orm';
import type { MutationArgs } from '../sync/mutation-registry';
import { users } from '../db/schema';
import type { MutationContext } from '../mutations/mutation-context';

export async function renameStudent(ctx: MutationContext, args: MutationArgs<'profile.update'>): Promise<void> {
  const { tx, userId } = ctx;
  await tx.update(users).set({ fullName: args.fullName }).where(eq(users.id, userId));
}
