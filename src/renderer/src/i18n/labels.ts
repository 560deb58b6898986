import type { Difficulty, EnrolmentStatus, ExamType, LessonStatus, Subject } from '../../../shared/domain';
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
