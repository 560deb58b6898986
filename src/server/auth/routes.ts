import type http from 'node:http';
import { devicesResponseSchema, refreshRequestSchema, registerRequestSchema, revokeDeviceRequestSchema, signInRequestSchema } from '../../shared/sync';
import type { ServerDeps } from '../deps';
import { deviceNotFound, listDevices, revokeAnyDevice, revokeOwnDevice } from '../devices';
import type { Router } from '../router';
import { parseRequest } from '../validate';
import { register, signIn } from './accounts';
import { asStudent } from './authenticate';
import { authenticated } from '../authenticated';
import { clientAddress, clientKey } from './client-address';
import { rotateRefreshToken } from './tokens';

/** Accounts across devices: register or sign in online, refresh tokens, list and revoke devices. */
export function addAuthRoutes(router: Router, deps: ServerDeps): void {
  const client = (req: http.IncomingMessage) => clientKey(clientAddress(req, deps.trustedProxies));

  router.add('POST', '/auth/register', async ({ req, readJson }) => ({
    status: 201,
    body: await register(deps, parseRequest(registerRequestSchema, await readJson()), client(req)),
  }));

  router.add('POST', '/auth/sign-in', async ({ req, readJson }) => ({
    status: 200,
    body: await signIn(deps, parseRequest(signInRequestSchema, await readJson()), client(req)),
  }));

  router.add('POST', '/auth/refresh', async ({ readJson }) => {
    const { refreshToken } = parseRequest(refreshRequestSchema, await readJson());
    return { status: 200, body: await rotateRefreshToken(deps.db, deps.tokenSecret, refreshToken, deps.now(), deps.log) };
  });

  router.add('GET', '/devices', async ({ req }) => ({
    status: 200,
    body: devicesResponseSchema.parse({ devices: await asStudent(deps, req, (tx, student) => listDevices(tx, student)) }),
  }));

  router.add('POST', '/devices/revoke', authenticated(deps, async ({ req, readJson }) => {
    const { deviceId } = parseRequest(revokeDeviceRequestSchema, await readJson());
    const now = deps.now();
    const outcome = await asStudent(deps, req, async (tx, student) => {
      if (await revokeOwnDevice(tx, student, deviceId, now)) return { devices: await listDevices(tx, student) };
      // Someone else's device: only an admin may, and a student learns nothing about it.
      if (student.role !== 'admin') throw deviceNotFound();
      return { adminId: student.userId };
    });
    if ('devices' in outcome) return { status: 200, body: devicesResponseSchema.parse(outcome) };
    await revokeAnyDevice(deps.db, deviceId, now, deps.log, outcome.adminId);
    const devices = await asStudent(deps, req, (tx, student) => listDevices(tx, student));
    return { status: 200, body: devicesResponseSchema.parse({ devices }) };
  }));
}
