import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_ACHIEVEMENTS_FILE, DEFAULT_CONTENT_DIR } from './paths';

/** What the central server needs to run; read once at start, never mutated. */
export interface ServerConfig {
  readonly databaseUrl: string;
  readonly port: number;
  /** Signs access tokens (HMAC-SHA256); never logged. */
  readonly tokenSecret: string;
  readonly maxBodyBytes: number;
  /** The course content packs installed on start. */
  readonly contentDir: string;
  /** The achievements catalogue installed on start. */
  readonly achievementsFile: string;
  /** bcrypt cost of new password hashes. */
  readonly bcryptCost: number;
  /** Open connections at most (slow or idle clients cannot hold the server). */
  readonly maxConnections: number;
  /**
   * Reverse proxies in front of the server, whose X-Forwarded-For names the client. Empty: the client is
   * whoever connects (a header anyone can write is never believed).
   */
  readonly trustedProxies: readonly string[];
}

export const DEFAULT_PORT = 3001; // the port schools were told to open
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS = 1_024;
export const MIN_TOKEN_SECRET_LENGTH = 32;
/** bcrypt cost on the server: ~90 ms per hash in bcryptjs, the minimum worth having online. */
export const DEFAULT_BCRYPT_COST = 10;

/** Thrown with every problem at once, so an operator fixes the environment in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid server configuration:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const required = (name: string) =>
  z.string({ error: () => `${name} is required.` }).trim().min(1, { error: `${name} is required.` });

/** An unset or empty variable means "use the default"; anything else must be a whole number in range. */
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, { error: `${name} must be a whole number from ${min} to ${max}.` })
        .transform(Number)
        .pipe(z.number().min(min, { error: `${name} must be a whole number from ${min} to ${max}.` }).max(max, {
          error: `${name} must be a whole number from ${min} to ${max}.`,
        }))
        .optional(),
    );

/** An unset or empty variable means "the default"; a path is taken as given. */
const optionalPath = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

// Messages are fixed strings: none of them may ever contain a variable's value (the secret above all).
const schema = z.object({
  DATABASE_URL: required('DATABASE_URL').refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), {
    error: 'DATABASE_URL must be a postgres:// or postgresql:// URL.',
  }),
  PORT: wholeNumber('PORT', 0, 65_535),
  TOKEN_SECRET: z
    .string({ error: () => 'TOKEN_SECRET is required.' })
    .min(1, { error: 'TOKEN_SECRET is required.' })
    .min(MIN_TOKEN_SECRET_LENGTH, { error: `TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters long.` }),
  MAX_BODY_BYTES: wholeNumber('MAX_BODY_BYTES', 1, Number.MAX_SAFE_INTEGER),
  CONTENT_DIR: optionalPath,
  ACHIEVEMENTS_FILE: optionalPath,
  // Below 10 only for tests: hashing is most of a registration's time.
  BCRYPT_COST: wholeNumber('BCRYPT_COST', 4, 15),
  MAX_CONNECTIONS: wholeNumber('MAX_CONNECTIONS', 1, 1_000_000),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((part) => part.trim()).filter(Boolean))
    .refine((list) => list.every((address) => isIP(address) !== 0), { error: 'TRUSTED_PROXIES must be a comma-separated list of IP addresses.' }),
});

/** Reads the configuration from an environment object (passed in, so tests control it). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const parsed = schema.safeParse({
    DATABASE_URL: env.DATABASE_URL,
    PORT: env.PORT,
    TOKEN_SECRET: env.TOKEN_SECRET,
    MAX_BODY_BYTES: env.MAX_BODY_BYTES,
    CONTENT_DIR: env.CONTENT_DIR,
    ACHIEVEMENTS_FILE: env.ACHIEVEMENTS_FILE,
    BCRYPT_COST: env.BCRYPT_COST,
    MAX_CONNECTIONS: env.MAX_CONNECTIONS,
    TRUSTED_PROXIES: env.TRUSTED_PROXIES,
  });
  if (!parsed.success) {
    // One line per variable: a too-short secret would otherwise be reported by both of its checks.
    const problems = [...new Set(parsed.error.issues.map((issue) => issue.message))];
    throw new ConfigError(problems);
  }
  const { DATABASE_URL, PORT, TOKEN_SECRET, MAX_BODY_BYTES, CONTENT_DIR, ACHIEVEMENTS_FILE, BCRYPT_COST, MAX_CONNECTIONS, TRUSTED_PROXIES } = parsed.data;
  return {
    databaseUrl: DATABASE_URL,
    port: PORT ?? DEFAULT_PORT,
    tokenSecret: TOKEN_SECRET,
    maxBodyBytes: MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES,
    contentDir: CONTENT_DIR ?? DEFAULT_CONTENT_DIR,
    achievementsFile: ACHIEVEMENTS_FILE ?? DEFAULT_ACHIEVEMENTS_FILE,
    bcryptCost: BCRYPT_COST ?? DEFAULT_BCRYPT_COST,
    maxConnections: MAX_CONNECTIONS ?? DEFAULT_MAX_CONNECTIONS,
    trustedProxies: TRUSTED_PROXIES,
  };
}
