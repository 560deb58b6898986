import pg from 'pg';

/**
 * What to do with an error that reaches a connection nobody is waiting on: PostgreSQL restarted, an
 * administrator (or a test tearing down its database) terminated it, the network dropped. Without a
 * listener Node treats it as an uncaught exception and the process dies.
 */
export type ConnectionErrorHandler = (error: Error) => void;

/** The pool ends the broken client itself; by default nothing else is needed. */
const ignore: ConnectionErrorHandler = () => {};

/** Every pg pool of the project is made here, so none is ever without an error listener. */
export function createPool(config: pg.PoolConfig, onIdleError: ConnectionErrorHandler = ignore): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (error) => onIdleError(error));
  return pool;
}

/** A single connection (migrations, administration, tests), connected, with an error listener. */
export async function connectClient(config: pg.ClientConfig | string, onError: ConnectionErrorHandler = ignore): Promise<pg.Client> {
  const client = new pg.Client(config);
  client.on('error', (error) => onError(error));
  await client.connect();
  return client;
}

/** One statement on a short-lived connection, closed whatever happens. */
export async function runOnce(config: pg.ClientConfig | string, statement: string): Promise<void> {
  const client = await connectClient(config);
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
