import { eq } from 'drizzle-orm';
import type { UserRole } from '../../shared/domain';
import { users } from '../db/schema';
import { notFound } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { countPendingMutations } from '../outbox/outbox';

export const appHandlers = ({ db, session, appVersion }: CoreDeps): HandlerGroup<'app.info'> => ({
  'app.info': async () => {
    const userId = session.requireUserId();
    const [student] = await db
      .select({ id: users.id, fullName: users.fullName, role: users.role })
      .from(users)
      .where(eq(users.id, userId));
    if (!student) throw notFound('Student');
    return {
      version: appVersion,
      student: { ...student, role: student.role as UserRole },
      pendingChanges: await countPendingMutations(db, userId),
    };
  },
});
