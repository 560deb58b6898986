import { z } from 'zod';

export const uuidSchema = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });
export const noInput = z.object({}).strict().optional();
