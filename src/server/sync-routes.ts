import { CursorAhead, readChanges } from '../core/sync/server-pull';
import { applyPushBatch, PushRefused } from '../core/sync/server-push';
import { z } from 'zod';
import { cursorSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../shared/sync';
import { asStudent } from './auth/authenticate';
import { authenticated } from './authenticated';
import type { ServerDeps } from './deps';
import type { ServerApp } from './http/app';
import { HttpError } from './http-errors';

function refusal(error: PushRefused): HttpError {
  if (error.reason === 'gap') {
    return new HttpError(409, error.message, 'mutation_gap', {}, { lastMutationId: error.lastMutationId });
  }
  return new HttpError(403, error.message, error.reason);
}

const pullQuerySchema = z.object({ cursor: cursorSchema });

/** The sync protocol of docs/sync.md: push named mutations, pull what changed since a cursor. */
export function addSyncRoutes(app: ServerApp, deps: ServerDeps): void {
  app.post('/sync/push', { onRequest: authenticated(deps), schema: { body: pushRequestSchema } }, async (req) => {
    const { body } = req;
    if (body.schemaVersion > deps.schemaVersion) {
      throw new HttpError(409, `The device's data is newer (schema ${body.schemaVersion}) than this server's (${deps.schemaVersion}).`, 'schema_newer_than_server', {}, {
        serverSchemaVersion: deps.schemaVersion,
      });
    }
    const result = await asStudent(deps, req, async (tx, student) => {
      // The device pushing is the token's device: one device never pushes in another's name.
      if (body.deviceId !== student.deviceId) throw new HttpError(403, 'The body names another device than the access token.', 'wrong_device');
      if (body.schemaVersion < deps.oldestDeviceSchemaVersion) {
        // Older devices read a 409 whose code names the schema as «update the app»; their outbox waits.
        throw new HttpError(409, `The device's app is too old to sync with this server (schema ${body.schemaVersion}); update it.`, 'schema_older_than_server', {}, {
          serverSchemaVersion: deps.schemaVersion,
        });
      }
      try {
        return await applyPushBatch(tx, student.userId, student.deviceId, body.mutations);
      } catch (error) {
        if (error instanceof PushRefused) throw refusal(error);
        throw error;
      }
    });
    if (result.rejected.length > 0) {
      deps.log.warn('pushed mutations rejected', { rejected: result.rejected.map((r) => r.id), lastMutationId: result.lastMutationId });
    }
    return pushResponseSchema.parse(result);
  });

  app.get('/sync/pull', { onRequest: authenticated(deps), schema: { querystring: pullQuerySchema } }, async (req) => {
    const { cursor } = req.query;
    // One snapshot: the change list and the rows it points at agree.
    const result = await asStudent(
      deps,
      req,
      async (tx, student) => {
        try {
          return await readChanges(tx, student.userId, cursor, student.lastMutationId, deps.pullPageRows);
        } catch (error) {
          if (error instanceof CursorAhead) throw new HttpError(409, error.message, 'cursor_ahead');
          throw error;
        }
      },
      { isolation: 'repeatable read', readOnly: true },
    );
    return pullResponseSchema.parse(result);
  });
}
