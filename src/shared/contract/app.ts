import { z } from 'zod';
import { query } from './define';
import { noInput } from './common';

export const appInfoSchema = z.object({
  version: z.string(),
  /** Changes of the signed-in student waiting for sync; 0 while signed out. */
  pendingChanges: z.number().int().min(0),
});

export const appContract = {
  'app.info': query(noInput, appInfoSchema, 'public'),
};

export type AppInfo = z.infer<typeof appInfoSchema>;
