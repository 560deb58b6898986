import { sql, type SQL } from 'drizzle-orm';
import { customType, numeric, timestamp, uuid } from 'drizzle-orm/pg-core';

/** UUID primary key; devices mint their own ids for appended rows so sync never renumbers. */
export const idColumn = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

/** `created_at` / `updated_at`; the custom migration installs the trigger that maintains `updated_at`. */
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `column IN ('a', 'b')` for CHECK constraints, from the same lists the contract validates with. */
export function oneOf(column: SQL.Aliased | object, values: readonly string[]): SQL {
  return sql`${column} IN (${sql.raw(values.map(literal).join(', '))})`;
}

/** 0–100 with two decimals, read as a JS number. */
export const percentage = (name: string) => numeric(name, { precision: 5, scale: 2, mode: 'number' });

/** PostgreSQL full-text search vector; filled by a generated column, read only by search queries. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
