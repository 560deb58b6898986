import { describe, expect, it } from 'vitest';
import { generatePlan, type PlanInput, type PlanLesson } from './generate-plan';

const lessons = (n: number, done: Record<number, number> = {}): PlanLesson[] =>
  Array.from({ length: n }, (_, i) => ({
    lessonId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    number: i + 1,
    title: `Урок ${i + 1}`,
    status: done[i + 1] !== undefined ? 'completed' : 'not_started',
    score: done[i + 1] ?? null,
  }));

// 2026-11-23 is a Monday.
const base: PlanInput = { today: '2026-11-23', targetDate: '2026-12-31', studyDays: [1, 3, 5], minutesPerDay: 45, lessonMinutes: 45, lessons: lessons(6) };
const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('the offline plan generator', () => {
  it('is deterministic', () => {
    expect(generatePlan(base)).toEqual(generatePlan(structuredClone(base)));
  });

  it('schedules the remaining lessons in order, on study days only, within the minutes per day', () => {
    const plan = generatePlan(base);
    expect(plan.sessions.map((s) => s.date)).toEqual(['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-02', '2026-12-04']);
    expect(plan.sessions.every((s) => [1, 3, 5].includes(weekday(s.date)))).toBe(true);
    expect(plan.sessions.every((s) => s.items.reduce((sum, i) => sum + i.minutes, 0) <= 45)).toBe(true);
    expect(plan.sessions.flatMap((s) => s.items.map((i) => i.number))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan).toMatchObject({ fitsBeforeTarget: true, projectedEndDate: '2026-12-04' });
  });

  it('splits a lesson longer than a day into numbered parts', () => {
    const plan = generatePlan({ ...base, minutesPerDay: 20, lessons: lessons(1) });
    expect(plan.sessions.map((s) => s.items[0])).toEqual([
      expect.objectContaining({ number: 1, minutes: 20, part: 1, parts: 3 }),
      expect.objectContaining({ number: 1, minutes: 20, part: 2, parts: 3 }),
      expect.objectContaining({ number: 1, minutes: 5, part: 3, parts: 3 }),
    ]);
  });

  it('adds reviews of weak lessons (weakest first), spread between new lessons, and skips what is done well', () => {
    const plan = generatePlan({ ...base, minutesPerDay: 200, lessons: lessons(6, { 1: 95, 2: 40, 3: 60 }) });
    const order = plan.sessions.flatMap((s) => s.items.map((i) => `${i.kind}:${i.number}`));
    expect(order).toEqual(['review:2', 'lesson:4', 'lesson:5', 'review:3', 'lesson:6']);
    expect(order).not.toContain('lesson:1');
  });

  it('never schedules past the target date without saying so', () => {
    const plan = generatePlan({ ...base, targetDate: '2026-11-27', minutesPerDay: 45 });
    expect(plan.fitsBeforeTarget).toBe(false);
    expect(plan.projectedEndDate).toBe('2026-12-04');
    expect(plan.sessions.filter((s) => s.afterTarget).map((s) => s.date)).toEqual(['2026-11-30', '2026-12-02', '2026-12-04']);
    expect(plan.sessions.filter((s) => !s.afterTarget).every((s) => s.date <= '2026-11-27')).toBe(true);
  });

  it('has nothing to schedule when every lesson is done well', () => {
    expect(generatePlan({ ...base, lessons: lessons(2, { 1: 90, 2: 100 }) })).toEqual({ sessions: [], fitsBeforeTarget: true, projectedEndDate: null });
  });

  it('walks calendar days, not 24-hour steps, across a daylight-saving change', () => {
    const plan = generatePlan({ ...base, today: '2026-03-27', targetDate: '2026-04-30', studyDays: [1, 2, 3, 4, 5, 6, 7], lessons: lessons(4) });
    expect(plan.sessions.map((s) => s.date)).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']);
  });
});
