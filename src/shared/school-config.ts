import { z } from 'zod';
import { AI_TIMEOUT_MAX_SECONDS, AI_TIMEOUT_MIN_SECONDS } from './contract/ai';
import { AI_PROVIDERS, LANGUAGES, THEMES } from './domain';

/**
 * The machine-wide configuration a school administrator deploys with the installer
 * (README: "School-wide configuration"). Every field but `version` is optional; an unknown key is an
 * error, so a typo (`allowSelfRegistraton`) is reported instead of silently doing nothing.
 */
export const SCHOOL_CONFIG_FILE_NAME = 'teacher-ai.school.json';
/** An explicit path to the file; it replaces the search of the usual places. */
export const SCHOOL_CONFIG_ENV = 'TEACHER_AI_SCHOOL_CONFIG';
/** The format this app reads. A later format gets a new number, and older apps say they cannot read it. */
export const SCHOOL_CONFIG_VERSION = 1;

/** Settings a school can take out of students' hands. */
export const LOCKABLE_SETTINGS = ['ai', 'language', 'theme', 'syncServerUrl'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

const urlOf = (protocols: readonly string[], message: string) =>
  z
    .string()
    .trim()
    .max(500)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message },
    );

const httpUrl = urlOf(['http:', 'https:'], 'must be an http:// or https:// address');
/** Updates are code: they come over https only. */
const httpsUrl = urlOf(['https:'], 'must be an https:// address');

export const schoolAiSchema = z
  .object({
    provider: z.enum(AI_PROVIDERS),
    /** An OpenAI-compatible server (`http://ai.school.local:11434` gets `/v1` added). */
    baseUrl: httpUrl.nullable().default(null),
    model: z.string().trim().min(1).max(200).nullable().default(null),
    /** Kept in memory only: never stored in the database, sent to the page or logged. */
    apiKey: z.string().trim().min(1).max(500).nullable().default(null),
    timeoutSeconds: z.number().int().min(AI_TIMEOUT_MIN_SECONDS).max(AI_TIMEOUT_MAX_SECONDS).default(60),
    /**
     * The model's context in tokens, for a server that does not report it (llama.cpp does, at `/props`);
     * null: 4096. Prompts are cut to fit it.
     */
    contextTokens: z.number().int().min(512).max(1_048_576).nullable().default(null),
    /** The embedded model: a GGUF file, or a folder whose first `.gguf` (by name) is used. */
    modelPath: z.string().trim().min(1).max(1000).nullable().default(null),
    modelsFolder: z.string().trim().min(1).max(1000).nullable().default(null),
  })
  .strict()
  .superRefine((ai, context) => {
    if (ai.provider !== 'openai') return;
    for (const field of ['baseUrl', 'model'] as const) {
      if (ai[field] === null) context.addIssue({ code: 'custom', path: [field], message: 'is required when provider is "openai"' });
    }
  });

export const schoolUpdatesSchema = z
  .object({
    /** False: the app never looks for updates (the school installs them itself). */
    enabled: z.boolean().default(true),
    /** The school's own update feed; null: the app's built-in one. */
    url: httpsUrl.nullable().default(null),
    channel: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { message: 'must be a short lower-case name such as "latest" or "beta"' })
      .optional(),
  })
  .strict();

export const schoolConfigSchema = z
  .object({
    version: z.literal(SCHOOL_CONFIG_VERSION, { message: `must be ${SCHOOL_CONFIG_VERSION} (the format this app reads)` }),
    /** The school's central server (sync); null: none. */
    syncServerUrl: httpUrl.nullable().default(null),
    /** The AI teacher of every account on this computer, unless a student (or an admin in the app) chose another. */
    ai: schoolAiSchema.nullable().default(null),
    /** The interface language and theme new accounts start with (and everyone keeps, when locked). */
    language: z.enum(LANGUAGES).nullable().default(null),
    theme: z.enum(THEMES).nullable().default(null),
    /** Settings nobody can change in the app. */
    locked: z
      .array(z.enum(LOCKABLE_SETTINGS))
      .default([])
      .transform((list) => [...new Set(list)]),
    /** False: only an admin creates accounts (the first account of a new computer is still created there, as its admin). */
    allowSelfRegistration: z.boolean().default(true),
    /** A folder of content packs (JSON) installed on start when new or changed; relative to this file. */
    contentPacksDir: z.string().trim().min(1).max(1000).nullable().default(null),
    /** Read by the desktop app's updater. */
    updates: schoolUpdatesSchema.default({ enabled: true, url: null }),
  })
  .strict();

export type SchoolConfig = z.output<typeof schoolConfigSchema>;
export type SchoolConfigInput = z.input<typeof schoolConfigSchema>;
export type SchoolAi = z.output<typeof schoolAiSchema>;
export type SchoolUpdates = z.output<typeof schoolUpdatesSchema>;

/** One thing wrong with the school configuration: which file, which field (`(file)` for the whole file), why. */
export const schoolProblemSchema = z.object({
  file: z.string(),
  field: z.string(),
  message: z.string(),
});
export type SchoolProblem = z.infer<typeof schoolProblemSchema>;
