import { bigserial, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Named mutations waiting to be pushed to the central server (DESIGN.md §5). Appended in the same
 * transaction as the change itself; the serial id is this device's mutation order.
 */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: varchar('name', { length: 100 }).notNull(),
  args: jsonb('args').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which content pack (by course key) is installed at which version, so start-up installs only what is new. */
export const contentPacks = pgTable('content_packs', {
  key: varchar('key', { length: 100 }).primaryKey(),
  version: integer('version').notNull(),
  checksum: text('checksum').notNull(),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Small per-installation facts (the device id, the local default student). */
export const localSettings = pgTable('local_settings', {
  key: varchar('key', { length: 100 }).primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
