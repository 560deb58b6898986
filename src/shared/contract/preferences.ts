import { z } from 'zod';
import { DAILY_GOAL_MAX, DAILY_GOAL_MIN } from '../accounts';
import { LANGUAGES, THEMES, TTS_SPEED_MAX, TTS_SPEED_MIN } from '../domain';
import { mutation, query } from './define';
import { noInput } from './common';

/** `other_settings`: known keys are typed; unknown keys from later versions are kept, not dropped. */
export const otherSettingsSchema = z
  .object({
    dailyGoalMinutes: z.number().int().min(DAILY_GOAL_MIN).max(DAILY_GOAL_MAX),
    /** Healthy by design: a student may choose not to see streaks or week-on-week comparisons. */
    hideStreaks: z.boolean().default(false),
    hideComparisons: z.boolean().default(false),
  })
  .catchall(z.unknown());

export const preferencesSchema = z.object({
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
  ttsVoice: z.string().nullable(),
  ttsSpeed: z.number().min(TTS_SPEED_MIN).max(TTS_SPEED_MAX),
  otherSettings: otherSettingsSchema,
});

export const preferencesChangeSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    language: z.enum(LANGUAGES).optional(),
    ttsVoice: z.string().trim().min(1).max(100).nullable().optional(),
    ttsSpeed: z.number().min(TTS_SPEED_MIN).max(TTS_SPEED_MAX).optional(),
    otherSettings: z
      .object({
        dailyGoalMinutes: z.number().int().min(DAILY_GOAL_MIN).max(DAILY_GOAL_MAX).optional(),
        hideStreaks: z.boolean().optional(),
        hideComparisons: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const preferencesContract = {
  'preferences.get': query(noInput, preferencesSchema),
  'preferences.update': mutation(preferencesChangeSchema, preferencesSchema),
};

export type Preferences = z.infer<typeof preferencesSchema>;
export type PreferencesChange = z.infer<typeof preferencesChangeSchema>;
