import { sql, type SQL } from 'drizzle-orm';

/**
 * A JS array as ONE bound parameter typed as a PostgreSQL array. drizzle would spread an array into a
 * row of parameters, and the two drivers disagree on array literals; JSON text travels the same in both.
 */
export function sqlArray(values: readonly string[], type: 'uuid' | 'text'): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::${sql.raw(type)}[]`;
}
