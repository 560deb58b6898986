/**
 * Enumerations of the data model. The database CHECK constraints, the zod contract and the UI
 * all read these lists, so a value exists everywhere or nowhere.
 */
export const USER_ROLES = ['student', 'teacher', 'admin'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;
export const LANGUAGES = ['ru', 'en'] as const;
/** Who answers in the chat: an OpenAI-compatible endpoint, or the built-in teacher that needs no model. */
export const AI_PROVIDERS = ['offline', 'openai', 'embedded'] as const;
export const SUBJECTS = [
  'math',
  'algebra',
  'geometry',
  'physics',
  'chemistry',
  'biology',
  'informatics',
  'russian',
  'literature',
  'history',
  'social_studies',
  'geography',
  'english',
  'other',
] as const;
export const EXAM_TYPES = ['ЕГЭ', 'ОГЭ'] as const;
export const DIFFICULTY_LEVELS = ['easy', 'medium', 'hard'] as const;
export const ENROLMENT_STATUSES = ['active', 'completed', 'paused', 'dropped'] as const;
export const LESSON_STATUSES = ['not_started', 'in_progress', 'completed', 'reviewed'] as const;
export const CHAT_SESSION_TYPES = ['lesson', 'interactive', 'voice', 'exam_prep'] as const;
export const CHAT_ROLES = ['user', 'assistant', 'system'] as const;
export const ACHIEVEMENT_CRITERIA = [
  'lessons_completed',
  'streak_days',
  'total_points',
  'courses_completed',
  'perfect_scores',
  'chat_questions',
  'homework_submitted',
  'exam_topics_mastered',
  'level_reached',
  'study_minutes',
  'exercises_correct',
  'plans_generated',
] as const;
export const ACTIVITY_TYPES = [
  'sign_in',
  'course_enrolled',
  'lesson_started',
  'lesson_completed',
  'exercise_answered',
  'homework_submitted',
  'chat_question',
  'plan_generated',
  'achievement_unlocked',
  'level_reached',
  'study_time',
  'review_answered',
] as const;
/** Who put a course into a computer's catalogue: the app's starter packs, the school's folder, an import from a file, the trusted server. */
export const COURSE_PUBLISHERS = ['starter', 'school', 'import', 'server'] as const;

export const TTS_SPEED_MIN = 0.5;
export const TTS_SPEED_MAX = 2.0;
export const GRADE_MIN = 1;
export const GRADE_MAX = 11;

export type UserRole = (typeof USER_ROLES)[number];
export type Theme = (typeof THEMES)[number];
export type Language = (typeof LANGUAGES)[number];
export type Subject = (typeof SUBJECTS)[number];
export type ExamType = (typeof EXAM_TYPES)[number];
export type Difficulty = (typeof DIFFICULTY_LEVELS)[number];
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export type LessonStatus = (typeof LESSON_STATUSES)[number];
export type ChatSessionType = (typeof CHAT_SESSION_TYPES)[number];
export type ChatRole = (typeof CHAT_ROLES)[number];
export type AchievementCriterion = (typeof ACHIEVEMENT_CRITERIA)[number];
export type AiProvider = (typeof AI_PROVIDERS)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type CoursePublisher = (typeof COURSE_PUBLISHERS)[number];
