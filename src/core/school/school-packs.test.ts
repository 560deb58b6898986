import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../../tests/support/test-databases';
import { SCHOOL_CONFIG_ENV } from '../../shared/school-config';
import { listPackFiles, readPackFile } from '../content/load-packs';
import { createLocalCore } from '../create-core';
import { loadSchoolConfig } from './load-school-config';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-school-packs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the school’s content packs and problems on start', () => {
  it('installs the packs of contentPacksDir (relative to the file), and reports a broken one without stopping', async () => {
    const packsDir = path.join(tmp, 'school-packs');
    fs.mkdirSync(packsDir);
    const starter = listPackFiles(CONTENT_DIR)[0]!;
    fs.copyFileSync(starter, path.join(packsDir, 'a-course.json'));
    fs.writeFileSync(path.join(packsDir, 'b-broken.json'), '{"version": 1}');
    const file = path.join(tmp, 'teacher-ai.school.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, contentPacksDir: 'school-packs', allowSelfRegistration: false }));

    const school = loadSchoolConfig({ platform: process.platform, env: { [SCHOOL_CONFIG_ENV]: file }, appDir: null });
    const logged: string[] = [];
    const dataDir = path.join(tmp, 'data');
    const core = await createLocalCore({
      dataDir,
      appVersion: '1.0.0',
      migrationsFolder: MIGRATIONS_FOLDER,
      contentDir: null,
      templatePath: fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null,
      school,
      logger: { error: (message) => logged.push(message) },
    });
    try {
      await core.invoke('accounts.register', { email: 'admin@school.test', username: 'admin', fullName: 'Админ', password: 'пароль-админа' });
      const list = await core.invoke('courses.list', undefined);
      expect(list.ok && (list.value as { title: string }[]).map((c) => c.title)).toEqual([readPackFile(starter).pack.course.title]);

      const status = await core.invoke('school.status', undefined);
      expect(status).toMatchObject({ ok: true, value: { source: file, applied: true, ok: false, problems: [{ file: path.join(packsDir, 'b-broken.json'), field: 'contentPacksDir' }] } });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^school configuration .*b-broken\.json: contentPacksDir: content pack skipped: /);
      expect(await core.invoke('school.policy', undefined)).toMatchObject({ ok: true, value: { allowSelfRegistration: false, hasProblems: true } });
    } finally {
      await core.close();
    }
  });
});
