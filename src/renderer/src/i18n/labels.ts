import type { Difficulty, EnrolmentStatus, ExamType, LessonStatus, Subject, Theme, UserRole } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';
import type { TextKey } from './messages';

/*
 * The message key of each value of the domain's enumerations. The template types make a value
 * without a message in ru.ts (and so in en.ts) a compile error.
 */
export const subjectKey = (subject: Subject): TextKey => `subject.${subject}`;
export const difficultyKey = (difficulty: Difficulty): TextKey => `difficulty.${difficulty}`;
export const examTypeKey = (examType: ExamType): TextKey => `examType.${examType}`;
export const lessonStatusKey = (status: LessonStatus): TextKey => `lessonStatus.${status}`;
export const enrolmentStatusKey = (status: EnrolmentStatus): TextKey => `enrolmentStatus.${status}`;
export const errorKey = (code: ErrorCode): TextKey => `error.${code}`;

export const roleKey = (role: UserRole): TextKey => `role.${role}`;
export const themeKey = (theme: Theme): TextKey => `theme.${theme}`;

/** Issue messages of the core (and of the shared schemas) that have a sentence of their own. */
const ISSUES = [
  'password_too_short',
  'password_too_long',
  'invalid_email',
  'invalid_username',
  'name_required',
  'avatar_too_large',
  'avatar_wrong_type',
  'avatar_empty',
  'not_base64',
  'taken',
  'wrong_password',
  'own_account',
  'required',
  'server_url_invalid',
] as const;
type Issue = (typeof ISSUES)[number];

/** The sentence for a field's issue; anything unknown (zod's own texts) becomes a general «check this field». */
export const issueKey = (message: string): TextKey =>
  (ISSUES as readonly string[]).includes(message) ? `issue.${message as Issue}` : 'issue.invalid';
