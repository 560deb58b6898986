import type { z } from 'zod';
import { accountsContract } from './accounts';
import { aiContract } from './ai';
import { motivationContract } from './motivation';
import { appContract } from './app';
import { chatContract } from './chat';
import { coursesContract } from './courses';
import { lessonsContract } from './lessons';
import { contentContract } from './content';
import { examsContract } from './exams';
import { plansContract } from './plans';
import { preferencesContract } from './preferences';
import { profileContract } from './profile';
import { progressContract } from './progress';
import { teacherContract } from './teacher';
import { backupsContract } from './backups';
import { schoolContract } from './school';
import { syncContract } from './sync';
import { diagnosticsContract } from './diagnostics';
import { reviewsContract } from './review';

/** Every method the renderer may call, by name. The only door between renderer and core. */
export const contract = {
  ...accountsContract,
  ...preferencesContract,
  ...profileContract,
  ...teacherContract,
  ...appContract,
  ...coursesContract,
  ...lessonsContract,
  ...contentContract,
  ...examsContract,
  ...plansContract,
  ...progressContract,
  ...chatContract,
  ...aiContract,
  ...motivationContract,
  ...backupsContract,
  ...schoolContract,
  ...syncContract,
  ...diagnosticsContract,
  ...reviewsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export * from './events';
export type { AccountSummary, SessionUser, SignInScreen, SignInTile } from './accounts';
export type { Preferences, PreferencesChange } from './preferences';
export type { StudentProgress } from './teacher';
export type { AppInfo } from './app';
export type { ChatMessage, ChatSearchHit, ChatSession, ExerciseAttempt, ReplyStatus } from './chat';
export type { AiFailureReason, AiSettings, AiSettingsInput, AiSettingsView, ConnectionCheck, EmbeddedModelView } from './ai';
export type { SchoolPolicyView, SchoolStatus } from './school';
export type { SyncDevice, SyncFailure, SyncRejection, SyncState, SyncStatus } from './sync';
export type { AchievementView, Dashboard, MotivationSummary } from './motivation';
export type { CourseDetail, CourseSummary, Enrolment, LessonSummary } from './courses';
export type { LessonProgress } from './progress';
export type { ReviewCardView, ReviewQueue, ReviewRatingValue } from './review';
export type { ExamPreparation, ExamTask } from './exams';
export type { LearningPlan, PlanItem, PlanSession, PlanSettings } from './plans';
export type { ExerciseCheck, ExerciseView, HomeworkFeedback, LessonDetail, SearchResult } from './lessons';
export type { ImportBlock, ImportedCourse, LessonChange, PackPreview } from './content';
export type { Backup, BackupList, BackupReason, RecoveryReason, RecoveryStatus } from './backups';
