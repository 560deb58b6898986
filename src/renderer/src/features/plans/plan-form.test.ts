import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, sectionOf } from '../../app/routes';
import { ApiError } from '../../lib/api-error';
import { addDays, formatPlanDate, isCalendarDate, localToday } from './plan-dates';
import { checkDraft, initialDraft, serverIssues, toggleDay } from './plan-form';
import { isItemDone } from './plan-items';

const courseId = '00000000-0000-4000-8000-000000000001';
const today = '2026-11-23';

describe('the plan form', () => {
  it('starts with a month of weekdays, 30 minutes a day', () => {
    expect(initialDraft(today)).toEqual({ targetDate: '2026-12-23', studyDays: [1, 2, 3, 4, 5], minutes: '30' });
  });

  it('starts from the current settings when the plan is remade', () => {
    expect(initialDraft(today, { targetDate: '2027-01-10', studyDays: [6, 2], minutesPerDay: 45 })).toEqual({
      targetDate: '2027-01-10',
      studyDays: [2, 6],
      minutes: '45',
    });
  });

  it('toggles days and keeps them in weekday order', () => {
    expect(toggleDay([1, 5], 3)).toEqual([1, 3, 5]);
    expect(toggleDay([1, 3, 5], 3)).toEqual([1, 5]);
  });

  it('sends the settings when everything is right', () => {
    expect(checkDraft(initialDraft(today), courseId, today)).toEqual({
      settings: { courseId, targetDate: '2026-12-23', studyDays: [1, 2, 3, 4, 5], minutesPerDay: 30 },
      issues: null,
    });
  });

  it('names what is wrong with each field', () => {
    expect(checkDraft({ targetDate: '', studyDays: [], minutes: '5' }, courseId, today).issues).toEqual({
      targetDate: 'dateRequired',
      studyDays: 'daysRequired',
      minutesPerDay: 'minutesRange',
    });
    expect(checkDraft({ targetDate: today, studyDays: [1], minutes: '30.5' }, courseId, today).issues).toEqual({
      targetDate: 'dateNotAfterToday',
      minutesPerDay: 'minutesRange',
    });
    expect(checkDraft({ targetDate: '2026-11-24', studyDays: [7], minutes: '481' }, courseId, today).issues).toEqual({ minutesPerDay: 'minutesRange' });
    expect(checkDraft({ targetDate: '2026-11-24', studyDays: [7], minutes: '480' }, courseId, today).issues).toBeNull();
  });

  it('explains a refusal of the core by field', () => {
    const refused = new ApiError('invalid_input', 'bad', [{ path: 'minutesPerDay', message: 'Too small' }]);
    expect(serverIssues(refused)).toEqual({ minutesPerDay: 'minutesRange' });
    expect(serverIssues(new ApiError('internal', 'boom'))).toEqual({});
  });
});

describe('plan dates', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2026-03-27', 3)).toBe('2026-03-30');
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('writes days in the interface language, with the year only when it is another year', () => {
    expect(formatPlanDate('2026-12-31', 'ru-RU', { currentYear: today })).toBe('31 декабря');
    expect(formatPlanDate('2027-01-15', 'ru-RU', { currentYear: today })).toBe('15 января 2027');
    expect(formatPlanDate('2026-11-23', 'ru-RU', { weekday: true, currentYear: today, capitalize: true })).toBe('Понедельник, 23 ноября');
    expect(formatPlanDate('2026-11-23', 'en-GB', { weekday: true, currentYear: today })).toMatch(/Monday,? 23 November/);
  });
});

describe('plan items', () => {
  const lessonId = courseId;
  it('counts a lesson done once completed, a review once reviewed', () => {
    expect(isItemDone({ kind: 'lesson', lessonId }, { [lessonId]: 'completed' })).toBe(true);
    expect(isItemDone({ kind: 'lesson', lessonId }, { [lessonId]: 'in_progress' })).toBe(false);
    expect(isItemDone({ kind: 'review', lessonId }, { [lessonId]: 'completed' })).toBe(false);
    expect(isItemDone({ kind: 'review', lessonId }, { [lessonId]: 'reviewed' })).toBe(true);
    expect(isItemDone({ kind: 'lesson', lessonId }, {})).toBe(false);
  });
});

describe('the plan route', () => {
  it('lives under a course, in the Courses section', () => {
    expect(parseHash('#/courses/abc-1/plan')).toEqual({ name: 'plan', courseId: 'abc-1' });
    expect(parseHash('#/courses/abc-1/plan/')).toEqual({ name: 'plan', courseId: 'abc-1' });
    expect(parseHash('#/courses/abc-1/other')).toEqual({ name: 'notFound' });
    expect(hrefFor({ name: 'plan', courseId: 'x y' })).toBe('#/courses/x%20y/plan');
    expect(parseHash(hrefFor({ name: 'plan', courseId: 'a/b c' }))).toEqual({ name: 'plan', courseId: 'a/b c' });
    expect(sectionOf({ name: 'plan', courseId: 'x' })).toBe('courses');
  });
});
