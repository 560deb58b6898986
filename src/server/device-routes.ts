import { devicesResponseSchema, renameDeviceRequestSchema } from '../shared/sync';
import { asStudent } from './auth/authenticate';
import { authenticated } from './authenticated';
import type { ServerDeps } from './deps';
import { deviceNotFound, listDevices, ownsDevice, renameDevice } from './devices';
import type { ServerApp } from './http/app';

/** A student's devices beyond listing and revoking: their names. */
export function addDeviceRoutes(app: ServerApp, deps: ServerDeps): void {
  app.post('/devices/rename', { onRequest: authenticated(deps), schema: { body: renameDeviceRequestSchema } }, async (req) => {
    const { deviceId, name } = req.body;
    // Row-level security decides whose device it is: another student's looks like no device at all.
    const student = await asStudent(deps, req, async (tx, who) => {
      if (!(await ownsDevice(tx, who, deviceId))) throw deviceNotFound();
      return who;
    });
    await renameDevice(deps.db, student, deviceId, name);
    const devices = await asStudent(deps, req, (tx, who) => listDevices(tx, who));
    return devicesResponseSchema.parse({ devices });
  });
}
