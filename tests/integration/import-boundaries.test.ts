import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/test-databases';

const eslint = new ESLint({ cwd: ROOT });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

/** The layer rules of docs/architecture.md §1 are lint errors, so a wrong import fails `npm run lint`. */
describe('import boundaries', () => {
  it.each([
    ['src/renderer/src/x.ts', "import { listCourses } from '../../core/courses/queries';"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/src/x.ts', "import fs from 'node:fs';"],
    ['src/renderer/src/x.ts', "import { drizzle } from 'drizzle-orm/pglite';"],
    ['src/core/courses/x.ts', "import { app } from 'electron';"],
    ['src/core/courses/x.ts', "import { useState } from 'react';"],
    ['src/core/courses/x.ts', "import { runDesktopApp } from '../../main/lifecycle';"],
    ['src/shared/x.ts', "import { AppError } from '../core/errors/app-error';"],
    ['src/preload/x.ts', "import { createLocalCore } from '../core/create-core';"],
    ['src/web/x.ts', "import { app } from 'electron';"],
    ['src/server/x.ts', "import { app } from 'electron';"],
    ['src/server/x.ts', "import { useState } from 'react';"],
    ['src/server/x.ts', "import { runDesktopApp } from '../main/lifecycle';"],
    ['src/server/x.ts', "import { exposeBridge } from '../preload/index';"],
    ['src/server/x.ts', "import { App } from '../renderer/src/App';"],
    ['src/server/x.ts', "import { createHttpSeam } from '../web/http-seam';"],
    ['src/main/x.ts', "import Fastify from 'fastify';"],
    ['src/core/courses/x.ts', "import { pino } from 'pino';"],
    ['src/web/x.ts', "import { jwtVerify } from 'jose';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await importErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['src/core/courses/x.ts', "import { contract } from '../../shared/contract';"],
    ['src/main/x.ts', "import { app } from 'electron';\nimport { createLocalCore } from '../core/create-core';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';\nimport type { TeacherBridge } from '../shared/seam';"],
    ['src/server/x.ts', "import { openPostgres } from '../core/db/open-postgres';\nimport { contract } from '../shared/contract';"],
    ['src/server/x.ts', "import Fastify from 'fastify';\nimport { pino } from 'pino';\nimport { SignJWT } from 'jose';"],
  ])('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});

/** A pg pool or client without an 'error' listener crashes the process when PostgreSQL drops it. */
describe('pg connections are made with their error listeners', () => {
  const syntaxErrors = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' && m.severity === 2);
  };

  it.each([
    ['src/server/x.ts', "import pg from 'pg';\nexport const pool = new pg.Pool({});"],
    ['tests/support/x.ts', "import pg from 'pg';\nexport const client = new pg.Client({});"],
  ])('%s may not construct one directly: %s', async (file, code) => {
    expect(await syntaxErrors(file, code)).toHaveLength(1);
  });

  it('the connection helper may', async () => {
    expect(await syntaxErrors('src/core/db/pg-connections.ts', "import pg from 'pg';\nexport const pool = new pg.Pool({});")).toEqual([]);
  });
});
