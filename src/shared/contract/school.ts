import { z } from 'zod';
import { LANGUAGES, THEMES } from '../domain';
import { LOCKABLE_SETTINGS, schoolProblemSchema } from '../school-config';
import { query } from './define';
import { noInput } from './common';

/** What the school decided for this computer, as every screen may know it (the sign-in screen too). */
export const schoolPolicySchema = z.object({
  /** A valid school configuration file is in effect. */
  hasSchoolConfig: z.boolean(),
  /** False: «Создать учётную запись» is gone; an admin creates accounts (the first account of a new computer excepted). */
  allowSelfRegistration: z.boolean(),
  /** Settings nobody can change in the app: the page shows them disabled, and the core refuses changes. */
  locked: z.array(z.enum(LOCKABLE_SETTINGS)),
  /** The school's central server, for sync; null: none. */
  syncServerUrl: z.string().nullable(),
  /** The school's interface language and theme (what new accounts start with; what everyone has when locked). */
  language: z.enum(LANGUAGES).nullable(),
  theme: z.enum(THEMES).nullable(),
  /** Something is wrong with the file (an admin sees what in Settings). */
  hasProblems: z.boolean(),
});

/** Where the configuration came from and what is wrong with it: for an admin's banner in Settings. */
export const schoolStatusSchema = z.object({
  /** The file read; null when none was found. */
  source: z.string().nullable(),
  /** Every place looked at, in order. */
  searched: z.array(z.string()),
  /** The file's settings are in effect (false when there is none, or it is invalid). */
  applied: z.boolean(),
  /** Nothing is wrong (true without a file too). */
  ok: z.boolean(),
  problems: z.array(schoolProblemSchema),
});

export const schoolContract = {
  'school.policy': query(noInput, schoolPolicySchema, 'public'),
  'school.status': query(noInput, schoolStatusSchema, 'admin'),
};

export type SchoolPolicyView = z.infer<typeof schoolPolicySchema>;
export type SchoolStatus = z.infer<typeof schoolStatusSchema>;
