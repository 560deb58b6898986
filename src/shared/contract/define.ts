import type { z } from 'zod';

/**
 * Who may call a method. The dispatcher enforces it before the handler runs; handlers still scope every
 * read and write to the signed-in user.
 * - public: also while signed out (the sign-in screen)
 * - user: any signed-in account
 * - teacher: teachers and admins
 * - admin: admins of this computer
 */
export type Access = 'public' | 'user' | 'teacher' | 'admin';

/**
 * - query: reads only
 * - mutation: changes the student's synced data; recorded as a named mutation in the outbox
 * - command: changes local-only state (the session, accounts on this computer)
 */
export type MethodKind = 'query' | 'mutation' | 'command';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  kind: MethodKind;
  access: Access;
}

const define =
  (kind: MethodKind) =>
  <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access = 'user'): MethodSpec<I, O> => ({
    input,
    output,
    kind,
    access,
  });

export const query = define('query');
export const mutation = define('mutation');
export const command = define('command');
