import type { Writable } from 'node:stream';
import { systemClock, type Clock } from '../core/clock';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
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

/** One JSON object per line, so log collectors parse it without a format of their own. */
export function createLogger(stream: Writable = process.stdout, now: Clock = systemClock): Logger {
  const write = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    // A field may never overwrite time, level or msg.
    const { time: _time, level: _level, msg: _msg, ...rest } = redact(fields) as LogFields;
    stream.write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...rest })}\n`);
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
