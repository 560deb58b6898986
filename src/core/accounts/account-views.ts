import type { AccountSummary, SessionUser } from '../../shared/contract';
import type { UserRole } from '../../shared/domain';
import { users } from '../db/schema';

/** Columns safe to show: never the password hash. */
export const accountColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  avatarUrl: users.avatarUrl,
  email: users.email,
};

export interface AccountRow {
  id: string;
  username: string;
  fullName: string;
  role: string;
  avatarUrl: string | null;
  email: string;
}

export const toAccountSummary = (row: AccountRow): AccountSummary => ({
  id: row.id,
  username: row.username,
  fullName: row.fullName,
  role: row.role as UserRole,
  avatarVersion: row.avatarUrl,
});

export const toSessionUser = (row: AccountRow): SessionUser => ({ ...toAccountSummary(row), email: row.email });
