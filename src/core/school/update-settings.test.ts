import { describe, expect, it } from 'vitest';
import { SCHOOL_CONFIG_ENV } from '../../shared/school-config';
import { loadSchoolConfig, NO_SCHOOL_CONFIG, type SchoolConfigFiles } from './load-school-config';
import { schoolConfigSearch, type SchoolConfigPlace } from './locate-school-config';
import { schoolUpdateSettings, type UpdateBuild } from './update-settings';

const MACHINE_WIDE = '/etc/teacher-ai/teacher-ai.school.json';
const STUDENTS_FILE = '/home/pupil/my-school.json';
const SCHOOL_FEED = 'https://updates.school.example/teacher-ai';
const STUDENTS_FEED = 'https://updates.attacker.example/teacher-ai';

const filesOf = (contents: Record<string, unknown>): SchoolConfigFiles => ({
  exists: (file) => file in contents,
  isDirectory: () => false,
  read: (file) => JSON.stringify(contents[file]),
});

/** As src/main/index.ts decides: the configuration found from this place, and whether the environment named it. */
function decide(env: Record<string, string>, files: Record<string, unknown>, build: Omit<UpdateBuild, 'namedByEnvironment'>) {
  const place: SchoolConfigPlace = { platform: 'linux', env, appDir: '/opt/Teacher AI' };
  const school = loadSchoolConfig(place, filesOf(files));
  return schoolUpdateSettings(school, { ...build, namedByEnvironment: school.source !== null && school.source === schoolConfigSearch(place).explicit });
}

const PACKAGED = { packaged: true, builtInFeed: false };

describe('update settings', () => {
  it('polls nothing until an update server is configured', () => {
    const { settings, refused } = schoolUpdateSettings(NO_SCHOOL_CONFIG, { ...PACKAGED, namedByEnvironment: false });
    expect(settings).toMatchObject({ enabled: false, url: null, reason: expect.stringMatching(/^no update server is configured/) });
    expect(refused).toBeNull();
  });

  it('uses the server given at build time (resources/app-update.yml), with the school’s channel', () => {
    expect(schoolUpdateSettings(NO_SCHOOL_CONFIG, { packaged: true, builtInFeed: true, namedByEnvironment: false }).settings).toEqual({ enabled: true, url: null });
    const beta = decide({}, { [MACHINE_WIDE]: { version: 1, updates: { channel: 'beta' } } }, { packaged: true, builtInFeed: true });
    expect(beta.settings).toEqual({ enabled: true, url: null, channel: 'beta' });
  });

  it('uses the machine-wide school configuration’s server, or turns updates off when it says so', () => {
    const on = decide({}, { [MACHINE_WIDE]: { version: 1, updates: { url: SCHOOL_FEED, channel: 'beta' } } }, PACKAGED);
    expect(on).toEqual({ settings: { enabled: true, url: SCHOOL_FEED, channel: 'beta' }, refused: null });
    const off = decide({}, { [MACHINE_WIDE]: { version: 1, updates: { enabled: false } } }, { packaged: true, builtInFeed: true });
    expect(off.settings).toMatchObject({ enabled: false, reason: 'turned off by the school configuration' });
  });

  it('never in development (npm start)', () => {
    const dev = decide({}, { [MACHINE_WIDE]: { version: 1, updates: { url: SCHOOL_FEED } } }, { packaged: false, builtInFeed: true });
    expect(dev.settings).toMatchObject({ enabled: false, reason: 'not a packaged app' });
  });

  it(`refuses an update server from a file a student named in ${SCHOOL_CONFIG_ENV}, and says so`, () => {
    // With a machine-wide file, the student's file is not used at all: the machine's wins.
    const both = decide({ [SCHOOL_CONFIG_ENV]: STUDENTS_FILE }, { [MACHINE_WIDE]: { version: 1 }, [STUDENTS_FILE]: { version: 1, updates: { url: STUDENTS_FEED } } }, PACKAGED);
    expect(both.settings).toMatchObject({ enabled: false, url: null });
    // Without one, the student's file applies — but never its updates section.
    const files = { [STUDENTS_FILE]: { version: 1, updates: { url: STUDENTS_FEED } } };
    const withoutFeed = decide({ [SCHOOL_CONFIG_ENV]: STUDENTS_FILE }, files, PACKAGED);
    expect(withoutFeed.settings).toMatchObject({ enabled: false, url: null });
    expect(withoutFeed.refused).toMatch(new RegExp(`${SCHOOL_CONFIG_ENV}.*only the machine-wide school configuration may choose the update server`));
    // The build's own server stays in use: the student can neither redirect updates nor turn them off.
    const withFeed = decide({ [SCHOOL_CONFIG_ENV]: STUDENTS_FILE }, files, { packaged: true, builtInFeed: true });
    expect(withFeed.settings).toEqual({ enabled: true, url: null });
    const turnedOff = decide({ [SCHOOL_CONFIG_ENV]: STUDENTS_FILE }, { [STUDENTS_FILE]: { version: 1, updates: { enabled: false } } }, { packaged: true, builtInFeed: true });
    expect(turnedOff.settings).toEqual({ enabled: true, url: null });
    expect(turnedOff.refused).not.toBeNull();
  });

  it('says nothing about a file named in the environment that does not touch updates', () => {
    const quiet = decide({ [SCHOOL_CONFIG_ENV]: STUDENTS_FILE }, { [STUDENTS_FILE]: { version: 1, language: 'en' } }, PACKAGED);
    expect(quiet.refused).toBeNull();
  });
});
