/** A lesson's mastery, lowest first (README «Learning» publishes the rules; core/review/mastery.ts applies them). */
export const MASTERY_LEVELS = ['not_started', 'attempted', 'familiar', 'proficient', 'mastered'] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];
