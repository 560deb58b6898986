import { z } from 'zod';
import { AI_PROVIDERS } from '../domain';
import { command, query } from './define';
import { noInput } from './common';

export const AI_TIMEOUT_MIN_SECONDS = 5;
export const AI_TIMEOUT_MAX_SECONDS = 600;

/** Why a model could not answer; the renderer turns each into a sentence a student understands. */
export const AI_FAILURE_REASONS = [
  'unreachable',
  'unauthorized',
  'not_found',
  'rate_limited',
  'server_error',
  'bad_stream',
  'connection_lost',
  'context_exceeded',
  'roles_alternate',
  'empty_reply',
  'model_unavailable',
  'model_too_large',
  'timeout',
  'bad_request',
  'not_configured',
] as const;

/** A saved choice of teacher, as the page may see it: never the key itself. */
export const aiSettingsViewSchema = z.object({
  provider: z.enum(AI_PROVIDERS),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  hasApiKey: z.boolean(),
  timeoutSeconds: z.number().int(),
  /** The embedded model's file, where this setting names one. */
  modelPath: z.string().nullable().optional(),
});

const baseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/i, { message: 'base_url_invalid' });

export const aiSettingsInputSchema = z
  .object({
    provider: z.enum(AI_PROVIDERS),
    baseUrl: baseUrlSchema.optional(),
    model: z.string().trim().min(1).max(200).optional(),
    /** A new key; `null` removes the saved one; absent keeps it. */
    apiKey: z.string().trim().min(1).max(500).nullable().optional(),
    timeoutSeconds: z.number().int().min(AI_TIMEOUT_MIN_SECONDS).max(AI_TIMEOUT_MAX_SECONDS).default(60),
    /** The embedded model's GGUF file (kept for the computer's setting only: an admin chooses it). */
    modelPath: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .refine((s) => s.provider !== 'openai' || (s.baseUrl !== undefined && s.model !== undefined), {
    message: 'endpoint_incomplete',
  });

export const aiSettingsSchema = z.object({
  /**
   * What answers this student now: the school's when it locked the teacher, else their own choice,
   * else the computer's, else the school's default, else the offline teacher.
   */
  effective: aiSettingsViewSchema.extend({ source: z.enum(['user', 'computer', 'school', 'default']) }),
  user: aiSettingsViewSchema.nullable(),
  computer: aiSettingsViewSchema.nullable(),
  /** The school configuration's teacher (never its key), or null. */
  school: aiSettingsViewSchema.nullable(),
  /** The school decides: a student's own choice is ignored and cannot be saved. */
  locked: z.boolean(),
});

export const connectionCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), models: z.array(z.string()) }),
  z.object({ ok: z.literal(false), reason: z.enum(AI_FAILURE_REASONS), detail: z.string().nullable() }),
]);

/** The embedded model as it runs here (or would): its file, whether it fits, and what it measured. */
export const embeddedModelSchema = z.object({
  /** The desktop app can open a file dialog; in a browser only a typed path works. */
  canChooseFile: z.boolean(),
  /** No embedded engine in this app (a build without its worker). */
  available: z.boolean(),
  /** The file named, or null when there is none at that path. */
  file: z
    .object({ sizeBytes: z.number().int().nonnegative(), neededBytes: z.number().int().nonnegative(), freeBytes: z.number().int().nonnegative(), fits: z.boolean() })
    .nullable(),
  state: z.enum(['idle', 'loading', 'loaded']),
  /** While loading: 0…1. */
  progress: z.number().min(0).max(1).nullable(),
  /** Once this file is loaded. */
  model: z
    .object({
      name: z.string(),
      sizeBytes: z.number().int().nonnegative(),
      contextTokens: z.number().int().nonnegative(),
      trainContextTokens: z.number().int().nonnegative(),
      threads: z.number().int().positive(),
      loadMs: z.number().nonnegative(),
      /** Measured on the last reply or speed check; null before one. */
      tokensPerSecond: z.number().nonnegative().nullable(),
    })
    .nullable(),
});

const modelPathSchema = z.string().trim().min(1).max(1000);

export const aiContract = {
  'ai.getSettings': query(noInput, aiSettingsSchema),
  /** The student's own choice on this computer (local: keys never sync). */
  'ai.saveUserSettings': command(aiSettingsInputSchema, aiSettingsSchema),
  /** Back to the computer's default. */
  'ai.clearUserSettings': command(noInput, aiSettingsSchema),
  /** The default for every account on this computer. */
  'ai.saveComputerSettings': command(aiSettingsInputSchema, aiSettingsSchema, 'admin'),
  /**
   * Try an endpoint and list its models. `useSavedKeyOf` reuses a saved key the page cannot see.
   */
  'ai.checkConnection': command(
    z
      .object({
        baseUrl: baseUrlSchema,
        apiKey: z.string().trim().min(1).max(500).optional(),
        useSavedKeyOf: z.enum(['user', 'computer']).optional(),
      })
      .strict(),
    connectionCheckSchema,
  ),
  /** The embedded model at `modelPath`: size, whether it fits in memory, load progress, and what was measured. */
  'ai.embeddedModel': query(z.object({ modelPath: modelPathSchema.optional() }).strict(), embeddedModelSchema, 'admin'),
  /** «Проверить скорость»: loads the model (progress in `ai.embeddedModel`) and times a short reply. */
  'ai.measureEmbeddedSpeed': command(
    z.object({ modelPath: modelPathSchema }).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), model: embeddedModelSchema }),
      z.object({ ok: z.literal(false), reason: z.enum(AI_FAILURE_REASONS), detail: z.string().nullable() }),
    ]),
    'admin',
  ),
  /** The desktop app's open-file dialog for a GGUF model; null when the admin cancelled it. */
  'ai.chooseModelFile': command(noInput, z.object({ path: z.string().nullable() }), 'admin'),
};

export type AiSettings = z.infer<typeof aiSettingsSchema>;
export type AiSettingsView = z.infer<typeof aiSettingsViewSchema>;
export type AiSettingsInput = z.output<typeof aiSettingsInputSchema>;
export type AiFailureReason = (typeof AI_FAILURE_REASONS)[number];
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;
export type EmbeddedModelView = z.infer<typeof embeddedModelSchema>;
