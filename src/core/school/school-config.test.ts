import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schoolConfigSchema, SCHOOL_CONFIG_ENV } from '../../shared/school-config';
import { schoolConfigSearch } from './locate-school-config';
import { describeSchoolProblems, loadSchoolConfig, parseSchoolConfig, schoolConfigFromValue, type SchoolConfigFiles } from './load-school-config';
import { createSchoolPolicy } from './school-policy';
import { schoolUpdateSettings } from './update-settings';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-school-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A file system of a few files, for the other platforms' paths. */
function filesOf(contents: Record<string, string>): SchoolConfigFiles {
  return {
    exists: (file) => file in contents,
    isDirectory: () => false,
    read: (file) => {
      const text = contents[file];
      if (text === undefined) throw new Error('ENOENT: no such file');
      return text;
    },
  };
}

const full = {
  version: 1,
  syncServerUrl: 'https://sync.school.example',
  ai: { provider: 'openai', baseUrl: 'http://ai.school.local:11434', model: 'qwen2.5:7b', apiKey: 'sk-школьный-ключ', timeoutSeconds: 90 },
  language: 'ru',
  theme: 'light',
  locked: ['ai', 'language', 'ai'],
  allowSelfRegistration: false,
  contentPacksDir: null,
  updates: { enabled: true, url: 'https://updates.school.example/teacher-ai', channel: 'beta' },
};

describe('the school configuration file', () => {
  it('accepts a full file, fills the defaults of a minimal one, and removes repeated locks', () => {
    const parsed = schoolConfigSchema.parse(full);
    expect(parsed.locked).toEqual(['ai', 'language']);
    expect(parsed.ai).toMatchObject({ provider: 'openai', model: 'qwen2.5:7b', timeoutSeconds: 90 });
    expect(schoolConfigSchema.parse({ version: 1 })).toEqual({
      version: 1,
      syncServerUrl: null,
      ai: null,
      language: null,
      theme: null,
      locked: [],
      allowSelfRegistration: true,
      contentPacksDir: null,
      updates: { enabled: true, url: null },
    });
  });

  it('names the field and the reason of every problem', () => {
    const problems = (value: unknown) => schoolConfigFromValue(value, '/etc/teacher-ai/teacher-ai.school.json').problems.map((p) => `${p.field}: ${p.message}`);
    expect(problems({ version: 2 })).toEqual(['version: must be 1 (the format this app reads)']);
    expect(problems({})).toEqual(['version: must be 1 (the format this app reads)']);
    expect(problems({ version: 1, allowSelfRegistration: 'no' })).toEqual(['allowSelfRegistration: expected boolean, received string']);
    expect(problems({ version: 1, allowSelfRegistraton: false, ai: { provider: 'offline', modle: 'x' } })).toEqual([
      'ai.modle: unknown setting (check its spelling)',
      'allowSelfRegistraton: unknown setting (check its spelling)',
    ]);
    expect(problems({ version: 1, syncServerUrl: 'ftp://school' })).toEqual(['syncServerUrl: must be an http:// or https:// address']);
    expect(problems({ version: 1, updates: { url: 'http://updates.school' } })).toEqual(['updates.url: must be an https:// address']);
    expect(problems({ version: 1, ai: { provider: 'openai' } })).toEqual([
      'ai.baseUrl: is required when provider is "openai"',
      'ai.model: is required when provider is "openai"',
    ]);
    expect(problems({ version: 1, locked: ['ai', 'wallpaper'] })[0]).toMatch(/^locked\.1: /);
    expect(problems({ version: 1, ai: { provider: 'offline', timeoutSeconds: 1 } })[0]).toMatch(/^ai\.timeoutSeconds: /);
    expect(problems([1, 2])).toEqual(['(file): expected object, received array']);
  });

  it('reports bad JSON by line and column, without quoting the file (it may hold a key)', () => {
    const result = parseSchoolConfig('{\n  "version": 1,\n  "ai": { "apiKey": "sk-секрет" \n}', '/x/teacher-ai.school.json');
    expect(result.config).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: '/x/teacher-ai.school.json', field: '(file)' });
    expect(result.problems[0]!.message).toMatch(/^not valid JSON/);
    expect(JSON.stringify(result.problems)).not.toContain('sk-');
    expect(parseSchoolConfig('', '/x/f.json').problems[0]!.message).toMatch(/^not valid JSON/);
    // Notepad's byte-order mark is fine.
    expect(parseSchoolConfig('\uFEFF{"version": 1}', '/x/f.json').problems).toEqual([]);
  });

  it('normalises the AI server address and resolves a relative packs folder against the file', () => {
    const packs = path.join(tmp, 'packs');
    fs.mkdirSync(packs, { recursive: true });
    const file = path.join(tmp, 'teacher-ai.school.json');
    const ok = schoolConfigFromValue({ version: 1, ai: { provider: 'openai', baseUrl: 'http://ai.local:11434/', model: 'm' }, contentPacksDir: 'packs' }, file);
    expect(ok.problems).toEqual([]);
    expect(ok.config?.ai?.baseUrl).toBe('http://ai.local:11434/v1');
    expect(ok.config?.contentPacksDir).toBe(packs);
    // A missing folder is a problem, but the rest of the file still applies.
    const missing = schoolConfigFromValue({ version: 1, allowSelfRegistration: false, contentPacksDir: 'nowhere' }, file);
    expect(missing.config?.allowSelfRegistration).toBe(false);
    expect(missing.problems).toEqual([{ file, field: 'contentPacksDir', message: `the folder ${path.join(tmp, 'nowhere')} does not exist` }]);
  });
});

describe('where the school configuration is looked for', () => {
  it('on Windows: next to the app, then %ProgramData%\\Teacher AI', () => {
    expect(schoolConfigSearch({ platform: 'win32', env: { ProgramData: 'D:\\Data' }, appDir: 'C:\\Program Files\\Teacher AI' })).toEqual({
      explicit: null,
      candidates: ['C:\\Program Files\\Teacher AI\\teacher-ai.school.json', 'D:\\Data\\Teacher AI\\teacher-ai.school.json'],
    });
    expect(schoolConfigSearch({ platform: 'win32', env: {}, appDir: null }).candidates).toEqual(['C:\\ProgramData\\Teacher AI\\teacher-ai.school.json']);
  });

  it('on macOS: next to the app, then /Library/Application Support/Teacher AI', () => {
    expect(schoolConfigSearch({ platform: 'darwin', env: {}, appDir: '/Applications/Teacher AI.app/Contents/MacOS' }).candidates).toEqual([
      '/Applications/Teacher AI.app/Contents/MacOS/teacher-ai.school.json',
      '/Library/Application Support/Teacher AI/teacher-ai.school.json',
    ]);
  });

  it('on Linux: next to the app, then /etc/teacher-ai', () => {
    expect(schoolConfigSearch({ platform: 'linux', env: {}, appDir: '/opt/Teacher AI' }).candidates).toEqual([
      '/opt/Teacher AI/teacher-ai.school.json',
      '/etc/teacher-ai/teacher-ai.school.json',
    ]);
    expect(schoolConfigSearch({ platform: 'linux', env: {}, appDir: null }).candidates).toEqual(['/etc/teacher-ai/teacher-ai.school.json']);
  });

  it('TEACHER_AI_SCHOOL_CONFIG comes after the school’s own places, and replaces them only in development', () => {
    const env = { [SCHOOL_CONFIG_ENV]: ' /srv/school.json ' };
    expect(schoolConfigSearch({ platform: 'linux', env, appDir: '/opt/app' })).toEqual({
      explicit: '/srv/school.json',
      candidates: ['/opt/app/teacher-ai.school.json', '/etc/teacher-ai/teacher-ai.school.json', '/srv/school.json'],
    });
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(schoolConfigSearch({ platform, env, appDir: '/opt/app', development: true })).toEqual({
        explicit: '/srv/school.json',
        candidates: ['/srv/school.json'],
      });
      expect(schoolConfigSearch({ platform, env, appDir: null }).candidates.at(-1)).toBe('/srv/school.json');
    }
    // Set but empty: as if not set.
    expect(schoolConfigSearch({ platform: 'linux', env: { [SCHOOL_CONFIG_ENV]: '' }, appDir: null }).explicit).toBeNull();
  });

  it('a student’s TEACHER_AI_SCHOOL_CONFIG cannot replace the machine-wide file: its locks and update feed stay', () => {
    const machine = '/etc/teacher-ai/teacher-ai.school.json';
    const own = '/home/student/unlocked.json';
    const files = filesOf({
      [machine]: JSON.stringify({ version: 1, locked: ['ai'], allowSelfRegistration: false, updates: { enabled: true, url: 'https://updates.school.example' } }),
      [own]: JSON.stringify({ version: 1, locked: [], allowSelfRegistration: true, updates: { enabled: true, url: 'https://evil.example' } }),
    });
    const loaded = loadSchoolConfig({ platform: 'linux', env: { [SCHOOL_CONFIG_ENV]: own }, appDir: null }, files);
    expect(loaded.source).toBe(machine);
    expect(loaded.config).toMatchObject({ locked: ['ai'], allowSelfRegistration: false });
    expect(schoolUpdateSettings(loaded, { packaged: true, builtInFeed: false, namedByEnvironment: false }).settings.url).toBe('https://updates.school.example');
    // The admin sees that someone tried.
    expect(loaded.problems).toEqual([{ file: own, field: '(file)', message: `ignored (named by ${SCHOOL_CONFIG_ENV}): the school's file ${machine} comes first` }]);

    // No school file on the computer: the variable may name one (a single-user or test setup).
    const alone = loadSchoolConfig({ platform: 'linux', env: { [SCHOOL_CONFIG_ENV]: own }, appDir: null }, filesOf({ [own]: '{"version": 1}' }));
    expect(alone).toMatchObject({ source: own, searched: [machine, own], problems: [] });
    // A development build: the variable wins.
    expect(loadSchoolConfig({ platform: 'linux', env: { [SCHOOL_CONFIG_ENV]: own }, appDir: null, development: true }, files).source).toBe(own);
  });

  it('first found wins: the file next to the app before the machine-wide one', () => {
    const nextToApp = 'C:\\Program Files\\Teacher AI\\teacher-ai.school.json';
    const machine = 'C:\\ProgramData\\Teacher AI\\teacher-ai.school.json';
    const files = filesOf({ [nextToApp]: '{"version": 1, "theme": "dark"}', [machine]: '{"version": 1, "theme": "light"}' });
    const loaded = loadSchoolConfig({ platform: 'win32', env: {}, appDir: 'C:\\Program Files\\Teacher AI' }, files);
    expect(loaded).toMatchObject({ source: nextToApp, searched: [nextToApp], problems: [] });
    expect(loaded.config?.theme).toBe('dark');
    const onlyMachine = loadSchoolConfig({ platform: 'win32', env: {}, appDir: 'C:\\Other' }, files);
    expect(onlyMachine).toMatchObject({ source: machine, searched: ['C:\\Other\\teacher-ai.school.json', machine] });
    expect(onlyMachine.config?.theme).toBe('light');
  });
});

describe('loading the school configuration', () => {
  // The variable alone, as a development build reads it (which file wins is tested above).
  const place = (file: string) => ({ platform: process.platform, env: { [SCHOOL_CONFIG_ENV]: file }, appDir: null, development: true });

  it('no file anywhere is simply no school configuration', () => {
    const loaded = loadSchoolConfig({ platform: 'linux', env: {}, appDir: '/nonexistent-teacher-ai' }, filesOf({}));
    expect(loaded).toEqual({
      source: null,
      searched: ['/nonexistent-teacher-ai/teacher-ai.school.json', '/etc/teacher-ai/teacher-ai.school.json'],
      config: null,
      problems: [],
    });
    expect(createSchoolPolicy(loaded).view()).toEqual({
      hasSchoolConfig: false,
      allowSelfRegistration: true,
      locked: [],
      syncServerUrl: null,
      language: null,
      theme: null,
      hasProblems: false,
    });
  });

  it('reads the file named by TEACHER_AI_SCHOOL_CONFIG; a missing one is reported', () => {
    const file = path.join(tmp, 'valid.json');
    fs.writeFileSync(file, JSON.stringify(full));
    const loaded = loadSchoolConfig(place(file));
    expect(loaded.source).toBe(file);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config).toMatchObject({ allowSelfRegistration: false, locked: ['ai', 'language'], syncServerUrl: 'https://sync.school.example' });

    const missing = path.join(tmp, 'missing.json');
    expect(loadSchoolConfig(place(missing))).toEqual({
      source: missing,
      searched: [missing],
      config: null,
      problems: [{ file: missing, field: '(file)', message: `not found (named by ${SCHOOL_CONFIG_ENV})` }],
    });
  });

  it('an invalid file leaves the safe built-in defaults, with every problem named', () => {
    const file = path.join(tmp, 'invalid.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, allowSelfRegistration: 'no', locked: ['ai'], colour: 'red' }));
    const loaded = loadSchoolConfig(place(file));
    expect(loaded.config).toBeNull();
    expect(loaded.problems).toEqual([
      { file, field: 'allowSelfRegistration', message: 'expected boolean, received string' },
      { file, field: 'colour', message: 'unknown setting (check its spelling)' },
    ]);
    const policy = createSchoolPolicy(loaded);
    // Nothing of the broken file applies: not even its (valid) lock.
    expect(policy.view()).toMatchObject({ hasSchoolConfig: false, allowSelfRegistration: true, locked: [], hasProblems: true });
    expect(policy.status()).toEqual({ source: file, searched: [file], applied: false, ok: false, problems: loaded.problems });
    expect(describeSchoolProblems(loaded)).toEqual([
      `school configuration ${file}: allowSelfRegistration: expected boolean, received string`,
      `school configuration ${file}: colour: unknown setting (check its spelling)`,
    ]);

    fs.writeFileSync(file, '{ "version": 1, ');
    expect(loadSchoolConfig(place(file)).problems).toEqual([{ file, field: '(file)', message: expect.stringMatching(/^not valid JSON/) as string }]);
  });

  it('a folder where the file should be is reported, not thrown', () => {
    const dir = path.join(tmp, 'a-folder.json');
    fs.mkdirSync(dir, { recursive: true });
    expect(loadSchoolConfig(place(dir)).problems).toEqual([{ file: dir, field: '(file)', message: 'cannot be read: it is a folder, not a file' }]);
  });
});
