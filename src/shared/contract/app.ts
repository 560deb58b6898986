import { z } from 'zod';
import { USER_ROLES } from '../domain';
import { query } from './define';
import { noInput, uuidSchema } from './common';

export const appInfoSchema = z.object({
  version: z.string(),
  student: z.object({
    id: uuidSchema,
    fullName: z.string(),
    role: z.enum(USER_ROLES),
  }),
  pendingChanges: z.number().int().min(0),
});

export const appContract = {
  'app.info': query(noInput, appInfoSchema),
};

export type AppInfo = z.infer<typeof appInfoSchema>;
