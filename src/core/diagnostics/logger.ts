import path from 'node:path';
import type { DispatchLogger } from '../dispatch';
import { createRotatingFile, LOGS_DIR_NAME, type RotatingFileOptions } from './log-file';
import { redact, scrubText } from './redact';
import { systemClock } from '../clock';

export type LogLevel = 'info' | 'warn' | 'error';

/** The core's logger: the dispatcher's `error`, plus `info` and `warn` for the app's own events. */
export interface CoreLogger extends DispatchLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface LogLine {
  time: string;
  level: LogLevel;
  message: string;
  data?: unknown;
}

/** One JSON line, redacted: the only shape anything reaches a log file in. */
export function formatLogLine(level: LogLevel, message: string, data: Record<string, unknown> | undefined, now: Date): string {
  const line: LogLine = { time: now.toISOString(), level, message: scrubText(message) };
  if (data !== undefined) line.data = redact(data);
  return `${JSON.stringify(line)}\n`;
}

export interface DataDirLoggerOptions extends Partial<Omit<RotatingFileOptions, 'dir'>> {
  /** Also print warnings and errors on stderr (development, the browser-mode terminal). */
  console?: boolean;
  now?: () => Date;
}

/**
 * The app's logger: JSON lines in `<dataDir>/logs/teacher-ai.log` (rotated at 1 MB, 5 files kept),
 * redacted (src/core/diagnostics/redact.ts). Warnings and errors go to stderr too when asked — redacted as well.
 */
export function createDataDirLogger(dataDir: string, options: DataDirLoggerOptions = {}): CoreLogger {
  const file = createRotatingFile({ ...options, dir: path.join(dataDir, LOGS_DIR_NAME) });
  const now = options.now ?? systemClock;
  const write = (level: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    const line = formatLogLine(level, message, data, now());
    file.append(line);
    if (options.console && level !== 'info') process.stderr.write(`[teacher-ai] ${line}`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** The first line of every run: what started where (no paths that name the person, no user data). */
export function logStarted(logger: CoreLogger, facts: { mode: 'desktop' | 'browser'; appVersion: string; openMs: number; recovery: boolean }): void {
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string };
  logger.info('app started', {
    ...facts,
    node: versions.node,
    electron: versions.electron ?? null,
    platform: process.platform,
    arch: process.arch,
  });
}
