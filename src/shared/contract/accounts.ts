import { z } from 'zod';
import { emailSchema, fullNameSchema, passwordSchema, usernameSchema } from '../accounts';
import { USER_ROLES } from '../domain';
import { command, query } from './define';
import { noInput, uuidSchema } from './common';
import { preferencesSchema } from './preferences';

export const accountSummarySchema = z.object({
  id: uuidSchema,
  username: z.string(),
  fullName: z.string(),
  role: z.enum(USER_ROLES),
  /** Changes whenever the picture changes; null without one. Fetch it with `profile.avatar`. */
  avatarVersion: z.string().nullable(),
});

export const sessionUserSchema = accountSummarySchema.extend({
  email: z.string(),
});

/**
 * An account on the sign-in screen: what a person recognises, nothing more — no id (it was enough to
 * impersonate one on a server) and no role (who is the admin here is nobody's business at the door).
 */
export const signInTileSchema = z.object({
  username: z.string(),
  fullName: z.string(),
  /** Fetch the picture with `profile.avatar` by username. */
  avatarVersion: z.string().nullable(),
});

export const signInScreenSchema = z.object({
  /** Accounts of this computer to pick from; empty when an admin hid the list. */
  accounts: z.array(signInTileSchema),
  listHidden: z.boolean(),
  /** False on a brand-new computer: the first account is created there, and may become its admin. */
  hasAccounts: z.boolean(),
});

const newAccount = {
  email: emailSchema,
  username: usernameSchema,
  fullName: fullNameSchema,
  password: passwordSchema,
};

const empty = z.object({});

export const accountsContract = {
  'accounts.signInScreen': query(noInput, signInScreenSchema, 'public'),
  'accounts.current': query(
    noInput,
    z.object({ user: sessionUserSchema.nullable(), preferences: preferencesSchema.nullable() }),
    'public',
  ),
  'accounts.register': command(
    z.object({ ...newAccount, becomeAdmin: z.boolean().default(false) }).strict(),
    sessionUserSchema,
    'public',
  ),
  'accounts.signIn': command(
    z.object({ login: z.string().trim().toLowerCase().min(1).max(255), password: z.string().min(1).max(1000) }).strict(),
    sessionUserSchema,
    'public',
  ),
  'accounts.signOut': command(noInput, empty, 'public'),
  'accounts.changePassword': command(
    z.object({ currentPassword: z.string().min(1).max(1000), newPassword: passwordSchema }).strict(),
    empty,
  ),
  'accounts.listAll': query(noInput, z.array(accountSummarySchema), 'admin'),
  'accounts.create': command(
    z.object({ ...newAccount, role: z.enum(USER_ROLES) }).strict(),
    accountSummarySchema,
    'admin',
  ),
  'accounts.resetPassword': command(
    z.object({ userId: uuidSchema, newPassword: passwordSchema }).strict(),
    empty,
    'admin',
  ),
  'accounts.setListHidden': command(z.object({ hidden: z.boolean() }).strict(), z.object({ listHidden: z.boolean() }), 'admin'),
};

export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SignInScreen = z.infer<typeof signInScreenSchema>;
export type SignInTile = z.infer<typeof signInTileSchema>;
