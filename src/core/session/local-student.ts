import { eq } from 'drizzle-orm';
import { localSettings, userPreferences, users } from '../db/schema';
import type { Db } from '../db/types';

const LOCAL_STUDENT_KEY = 'local_student_id';
/** Not a bcrypt hash, so no password can ever match it: this account is entered without signing in. */
const NO_PASSWORD = '!local-student-without-password';

/**
 * Until accounts exist, the core acts for one local student created on first start. The id is
 * random per installation, so two computers never share a student by accident.
 */
export async function ensureLocalStudent(db: Db): Promise<string> {
  const [setting] = await db.select().from(localSettings).where(eq(localSettings.key, LOCAL_STUDENT_KEY));
  if (typeof setting?.value === 'string') {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, setting.value));
    if (user) return user.id;
  }
  return db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    await tx.insert(users).values({
      id,
      email: `student-${id}@local.invalid`,
      username: `student-${id.slice(0, 8)}`,
      passwordHash: NO_PASSWORD,
      fullName: 'Ученик',
      role: 'student',
    });
    await tx.insert(userPreferences).values({ userId: id });
    await tx
      .insert(localSettings)
      .values({ key: LOCAL_STUDENT_KEY, value: id })
      .onConflictDoUpdate({ target: localSettings.key, set: { value: id } });
    return id;
  });
}
