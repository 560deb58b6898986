import type { Writable } from 'node:stream';
import { pino, type Logger as PinoLogger } from 'pino';
import { systemClock, type Clock } from '../core/clock';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** The server's own lines: a message and its fields (pino underneath; Fastify logs its requests through `pino`). */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  readonly pino: PinoLogger;
}

/** Keys whose values must never reach a log line, however deeply nested (the issue: no secrets in logs). */
const SENSITIVE_KEY = /password|passphrase|secret|token|authorization|api[-_]?key|cookie/i;

/** A copy of the fields without sensitive keys; errors become plain objects so their message survives JSON. */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) return redact({ name: value.name, message: value.message, stack: value.stack }, seen);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!SENSITIVE_KEY.test(key)) result[key] = redact(item, seen);
  }
  return result;
}

/**
 * One JSON object per line (`time`, `level` as a word, `msg`, the fields), so log collectors parse it
 * without a format of their own. Redaction runs as pino's log formatter rather than its `redact` paths:
 * those name fixed places, and a secret may sit at any depth under any spelling (`refreshToken`,
 * `TOKEN_SECRET`, a nested `Authorization` header).
 */
export function createLogger(stream: Writable = process.stdout, now: Clock = systemClock): Logger {
  const log = pino(
    {
      base: null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: {
        level: (label) => ({ level: label }),
        // A field may never overwrite time, level or msg.
        log: (fields) => {
          const { time: _time, level: _level, msg: _msg, ...rest } = redact(fields) as LogFields;
          return rest;
        },
      },
    },
    stream,
  );
  return {
    pino: log,
    info: (msg, fields = {}) => log.info(fields, msg),
    warn: (msg, fields = {}) => log.warn(fields, msg),
    error: (msg, fields = {}) => log.error(fields, msg),
  };
}
