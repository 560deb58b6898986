import { eq, isNull } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPackSchema } from '../../shared/content';
import { checkAnswer, correctAnswerOf } from '../../shared/exercise-check';
import { CONTENT_DIR, describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { makePack } from '../../../tests/support/fixtures';
import { coursePublishers, courses, lessons, userLessons } from '../db/schema';
import { courseIdFor, lessonIdFor, uuidV5 } from './content-ids';
import { installPack } from './install-pack';
import { installPackDirectory, listPackFiles, readPackFile } from './load-packs';

describe('starter content packs', () => {
  const files = listPackFiles(CONTENT_DIR);

  it('ships at least two courses of at least three lessons', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(readPackFile(file).pack.lessons.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s is a valid pack with real lessons', (_name, file) => {
    const { pack } = readPackFile(file);
    for (const lesson of pack.lessons) {
      expect(lesson.content.length).toBeGreaterThan(400);
      expect(lesson.keyConcepts.length).toBeGreaterThan(0);
      expect(lesson.exercises.length).toBeGreaterThanOrEqual(3);
      expect(lesson.homework).not.toBeNull();
    }
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s: every exercise’s own answer passes its checker', (_name, file) => {
    for (const lesson of readPackFile(file).pack.lessons) {
      for (const exercise of lesson.exercises) {
        expect({ lesson: lesson.key, exercise: exercise.id, accepted: checkAnswer(exercise, correctAnswerOf(exercise)) }).toEqual({
          lesson: lesson.key,
          exercise: exercise.id,
          accepted: true,
        });
      }
    }
  });

  it('refuses a pack whose answer index points outside its options, naming the path', () => {
    const pack = makePack('broken', 1);
    pack.lessons[0]!.exercises = [
      { id: 'choose', type: 'single_choice', prompt: 'Выберите', options: ['а', 'б'], answer: 2, explanation: 'так', hints: [] },
    ];
    const result = contentPackSchema.safeParse(pack);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['lessons', 0, 'exercises', 0]);
  });
});

describe('content ids', () => {
  it('are RFC 4122 version-5 UUIDs, stable across runs', () => {
    // Known vector: uuidv5('www.example.com', DNS namespace).
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(courseIdFor('math-5')).toBe(courseIdFor('math-5'));
    expect(lessonIdFor('math-5', 'a')).not.toBe(lessonIdFor('math-6', 'a'));
  });
});

const STARTER = { publisher: 'starter', now: () => new Date() } as const;

describeOnEachDatabase('installing packs', (ctx) => {
  it('installs a pack once; installing it again duplicates nothing', async () => {
    const pack = makePack('math-5', 3);
    await installPack(ctx.db, pack, 'v1');
    await installPack(ctx.db, pack, 'v1');
    expect(await ctx.db.select().from(courses)).toHaveLength(1);
    expect(await ctx.db.select().from(lessons)).toHaveLength(3);
    const [course] = await ctx.db.select().from(courses);
    expect(course?.totalLessons).toBe(3);
  });

  it('an update keeps lesson ids and the student’s progress, reorders, and retires dropped lessons instead of deleting them', async () => {
    const pack = makePack('math-5', 3);
    await installPack(ctx.db, pack, 'v1');
    const core = await createTestCore(ctx.database);
    const kept = lessonIdFor('math-5', 'lesson-3');
    const dropped = lessonIdFor('math-5', 'lesson-2');
    await core.call('progress.completeLesson', { lessonId: kept, score: 77, timeSpentMinutes: 9 });
    await core.call('progress.completeLesson', { lessonId: dropped, score: 64, timeSpentMinutes: 7 });

    const updated = { ...pack, version: 2, lessons: [pack.lessons[2]!, pack.lessons[0]!].map((l, i) => ({ ...l, number: i + 1 })) };
    expect(await installPack(ctx.db, updated, 'v2')).toMatchObject({ retiredLessons: 1 });

    const rows = await ctx.db.select().from(lessons).where(eq(lessons.courseId, courseIdFor('math-5'))).orderBy(lessons.lessonNumber);
    expect(rows.filter((r) => !r.retiredAt).map((r) => r.id)).toEqual([kept, lessonIdFor('math-5', 'lesson-1')]);
    expect(rows.filter((r) => r.retiredAt).map((r) => [r.id, r.lessonNumber])).toEqual([[dropped, 2]]);
    expect(await ctx.db.select({ score: userLessons.score }).from(userLessons).orderBy(userLessons.score)).toEqual([{ score: 64 }, { score: 77 }]);
    const [course] = await ctx.db.select().from(courses);
    expect(course?.totalLessons).toBe(2);

    // Back in the next version: the same lesson, with the progress it always had.
    await installPack(ctx.db, { ...pack, version: 3 }, 'v3');
    expect(await ctx.db.$count(lessons, isNull(lessons.retiredAt))).toBe(3);
    expect((await core.call('courses.get', { courseId: courseIdFor('math-5') })).enrolment).toMatchObject({ completedLessons: 2, totalLessons: 3 });
  });

  it('on start, never replaces a newer imported version with an older shipped one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packs-'));
    try {
      await installPack(ctx.db, { ...makePack('course-a', 3), version: 2 }, 'imported-v2');
      fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(makePack('course-a', 1)));
      expect((await installPackDirectory(ctx.db, dir, STARTER)).installed).toEqual([]);
      expect(await ctx.db.select().from(lessons)).toHaveLength(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('installs a folder, skips unchanged packs on the next start and reports a broken pack without stopping', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packs-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(makePack('course-a', 2)));
      fs.writeFileSync(path.join(dir, 'b.json'), '{ "format": "teacher-ai-pack/1" ');
      fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(makePack('course-c', 1)));
      const problems: string[] = [];
      const first = await installPackDirectory(ctx.db, dir, { ...STARTER, onInvalid: (error) => problems.push(error.message) });
      const second = await installPackDirectory(ctx.db, dir, STARTER);
      expect(first.installed).toEqual(['course-a', 'course-c']);
      expect(second.installed).toEqual([]);
      expect(problems).toEqual([expect.stringContaining('b.json: not valid JSON')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('who published a course decides what a bundled pack may replace: the school’s over the starter’s, never an import or the server’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packs-'));
    const publisherOf = async (key: string) =>
      (await ctx.db.select({ publisher: coursePublishers.publisher }).from(coursePublishers).where(eq(coursePublishers.courseId, courseIdFor(key))))[0]?.publisher;
    try {
      for (const key of ['starter-a', 'starter-b', 'starter-c']) fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(makePack(key, 2)));
      expect((await installPackDirectory(ctx.db, dir, STARTER)).installed).toEqual(['starter-a', 'starter-b', 'starter-c']);
      // A school pack of the same key replaces the starter course; the starter pack never takes it back.
      const school = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-school-'));
      fs.writeFileSync(path.join(school, 'a.json'), JSON.stringify({ ...makePack('starter-a', 3), version: 1 }));
      expect((await installPackDirectory(ctx.db, school, { ...STARTER, publisher: 'school' })).installed).toEqual(['starter-a']);
      fs.rmSync(school, { recursive: true, force: true });
      await ctx.db.update(coursePublishers).set({ publisher: 'import' }).where(eq(coursePublishers.courseId, courseIdFor('starter-b')));
      await ctx.db.update(coursePublishers).set({ publisher: 'server' }).where(eq(coursePublishers.courseId, courseIdFor('starter-c')));
      for (const key of ['starter-a', 'starter-b', 'starter-c']) fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify({ ...makePack(key, 1), version: 9 }));
      expect((await installPackDirectory(ctx.db, dir, STARTER)).installed).toEqual([]);
      expect([await publisherOf('starter-a'), await publisherOf('starter-b'), await publisherOf('starter-c')]).toEqual(['school', 'import', 'server']);
      expect(await ctx.db.$count(lessons, isNull(lessons.retiredAt))).toBe(3 + 2 + 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
