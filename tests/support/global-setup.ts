import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEMPLATE_FILE_NAME, unpackTemplate } from '../../src/core/db/db-template';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** The build's database template unpacked once for the run (openTestPglite copies it); null before a build. */
    unpackedDbTemplate: string | null;
  }
}

/**
 * One PostgreSQL 15 cluster for the whole run; every test file makes its own database in it. And the
 * database template unpacked once, so that a test's PGlite is a folder copy away.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  const template = path.resolve(import.meta.dirname, '../../out', TEMPLATE_FILE_NAME);
  let unpacked: string | null = null;
  if (fs.existsSync(template)) {
    unpacked = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-test-template-')), 'db');
    await unpackTemplate(template, unpacked);
  }
  project.provide('unpackedDbTemplate', unpacked);
  return async () => {
    if (unpacked) fs.rmSync(path.dirname(unpacked), { recursive: true, force: true });
    await cluster.stop();
  };
}
