import type { FastifyRequest } from 'fastify';
import { devicesResponseSchema, refreshRequestSchema, registerRequestSchema, revokeDeviceRequestSchema, signInRequestSchema } from '../../shared/sync';
import type { ServerDeps } from '../deps';
import { deviceNotFound, listDevices, revokeAnyDevice, revokeOwnDevice } from '../devices';
import type { ServerApp } from '../http/app';
import { register, signIn } from './accounts';
import { asStudent } from './authenticate';
import { authenticated } from '../authenticated';
import { clientAddress, clientKey } from './client-address';
import { rotateRefreshToken } from './tokens';

/** Accounts across devices: register or sign in online, refresh tokens, list and revoke devices. */
export function addAuthRoutes(app: ServerApp, deps: ServerDeps): void {
  const client = (req: FastifyRequest) => clientKey(clientAddress(req.raw, deps.trustedProxies));

  app.post('/auth/register', { schema: { body: registerRequestSchema } }, async (req, reply) =>
    reply.code(201).send(await register(deps, req.body, client(req))),
  );

  app.post('/auth/sign-in', { schema: { body: signInRequestSchema } }, async (req) => signIn(deps, req.body, client(req)));

  app.post('/auth/refresh', { schema: { body: refreshRequestSchema } }, async (req) =>
    rotateRefreshToken(deps.db, deps.tokenSecret, req.body.refreshToken, deps.now(), deps.log),
  );

  app.get('/devices', { onRequest: authenticated(deps) }, async (req) =>
    devicesResponseSchema.parse({ devices: await asStudent(deps, req, (tx, student) => listDevices(tx, student)) }),
  );

  app.post('/devices/revoke', { onRequest: authenticated(deps), schema: { body: revokeDeviceRequestSchema } }, async (req) => {
    const { deviceId } = req.body;
    const now = deps.now();
    const outcome = await asStudent(deps, req, async (tx, student) => {
      if (await revokeOwnDevice(tx, student, deviceId, now)) return { devices: await listDevices(tx, student) };
      // Someone else's device: only an admin may, and a student learns nothing about it.
      if (student.role !== 'admin') throw deviceNotFound();
      return { adminId: student.userId };
    });
    if ('devices' in outcome) return devicesResponseSchema.parse(outcome);
    await revokeAnyDevice(deps.db, deviceId, now, deps.log, outcome.adminId);
    const devices = await asStudent(deps, req, (tx, student) => listDevices(tx, student));
    return devicesResponseSchema.parse({ devices });
  });
}
