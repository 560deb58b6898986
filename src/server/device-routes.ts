import { devicesResponseSchema, renameDeviceRequestSchema } from '../shared/sync';
import { asStudent } from './auth/authenticate';
import { authenticated } from './authenticated';
import type { ServerDeps } from './deps';
import { deviceNotFound, listDevices, ownsDevice, renameDevice } from './devices';
import type { Router } from './router';
import { parseRequest } from './validate';

/** A student's devices beyond listing and revoking: their names. */
export function addDeviceRoutes(router: Router, deps: ServerDeps): void {
  router.add('POST', '/devices/rename', authenticated(deps, async ({ req, readJson }) => {
    const { deviceId, name } = parseRequest(renameDeviceRequestSchema, await readJson());
    // Row-level security decides whose device it is: another student's looks like no device at all.
    const student = await asStudent(deps, req, async (tx, who) => {
      if (!(await ownsDevice(tx, who, deviceId))) throw deviceNotFound();
      return who;
    });
    await renameDevice(deps.db, student, deviceId, name);
    const devices = await asStudent(deps, req, (tx, who) => listDevices(tx, who));
    return { status: 200, body: devicesResponseSchema.parse({ devices }) };
  }));
}
