import { z } from 'zod';
import { emailSchema, fullNameSchema, passwordSchema, usernameSchema } from './accounts';
import { USER_ROLES } from './domain';

/**
 * The sync protocol between a device's core and the central server (docs/sync.md). One set of zod
 * types, imported by both sides: the server validates every body with them, the device every answer.
 */

const uuid = z.uuid();

/** The whole `drizzle/` history is one number: a device and a server agree when they count the same migrations. */
export const schemaVersionSchema = z.number().int().min(0);

export const deviceSchema = z.object({ id: uuid, name: z.string().trim().min(1).max(100) }).strict();

/** Register online. The id is the device's own account id, so the rows it already has keep theirs. */
export const registerRequestSchema = z
  .object({
    userId: uuid,
    email: emailSchema,
    username: usernameSchema,
    fullName: fullNameSchema,
    password: passwordSchema,
    device: deviceSchema,
  })
  .strict();

export const signInRequestSchema = z
  .object({ login: z.string().trim().min(1).max(255), password: z.string().min(1).max(200), device: deviceSchema })
  .strict();

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(200) }).strict();

export const serverUserSchema = z.object({
  id: uuid,
  email: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(USER_ROLES),
});

/** Access tokens live minutes; the refresh token is replaced on every use. */
export const tokensResponseSchema = z.object({
  accessToken: z.string(),
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  user: serverUserSchema,
  deviceId: uuid,
});

export const mutationEnvelopeSchema = z
  .object({
    /** The device's outbox number for this student: 1, 2, 3, … without gaps. */
    id: z.number().int().min(1),
    name: z.string().min(1).max(100),
    /** Validated by the mutation's own schema on the server: a bad one is recorded, not refused. */
    args: z.record(z.string(), z.unknown()),
  })
  .strict();

export const PUSH_BATCH_MAX = 500;

export const pushRequestSchema = z
  .object({
    deviceId: uuid,
    schemaVersion: schemaVersionSchema,
    mutations: z.array(mutationEnvelopeSchema).min(1).max(PUSH_BATCH_MAX),
  })
  .strict();

export const pushResponseSchema = z.object({
  /** Everything up to here is applied (or recorded as rejected): the device may drop it from its outbox. */
  lastMutationId: z.number().int().min(0),
  rejected: z.array(z.object({ id: z.number().int(), reason: z.string() })),
});

/** `<user seq>.<catalogue seq>`: positions in the server's own sequences, never a device clock. */
/** `user.catalogue[.history]`: sequence numbers per scope, and which history of the server's database they count in. */
export const cursorSchema = z.string().regex(/^\d{1,18}\.\d{1,18}(\.\d{1,18})?$/);
export const INITIAL_CURSOR = '0.0';

export const rowChangeSchema = z.object({
  table: z.string().min(1).max(63),
  key: z.string().min(1).max(100),
  deleted: z.boolean(),
  /** The row as the server holds it (column names as in the database); null when deleted. */
  row: z.record(z.string(), z.unknown()).nullable(),
});

export const pullResponseSchema = z.object({
  changes: z.array(rowChangeSchema),
  cursor: cursorSchema,
  /** More changes wait beyond `cursor`: ask again before applying. */
  more: z.boolean(),
  lastMutationId: z.number().int().min(0),
});

export const serverDeviceSchema = z.object({
  id: uuid,
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.string().nullable(),
  current: z.boolean(),
});
export const devicesResponseSchema = z.object({ devices: z.array(serverDeviceSchema) });

/** `POST /devices/revoke`: sign a device out of the account for good (its tokens stop working at once). */
export const revokeDeviceRequestSchema = z.object({ deviceId: uuid }).strict();

/** `POST /devices/rename`: a name the student chose for one of their devices («Ноутбук дома»). */
export const renameDeviceRequestSchema = z.object({ deviceId: uuid, name: z.string().trim().min(1).max(100) }).strict();

/** Every error the server answers with. */
export const serverErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type RegisterRequest = z.infer<typeof registerRequestSchema>;
export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type TokensResponse = z.infer<typeof tokensResponseSchema>;
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResponse = z.infer<typeof pushResponseSchema>;
export type RowChange = z.infer<typeof rowChangeSchema>;
export type PullResponse = z.infer<typeof pullResponseSchema>;
export type ServerDevice = z.infer<typeof serverDeviceSchema>;
