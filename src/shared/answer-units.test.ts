import { describe, expect, it } from 'vitest';
import { looksLikeUnit, normaliseUnit, sameUnit } from './answer-units';

describe('units after a number', () => {
  it.each([
    ['км/ч', 'км/ч'],
    ['Км / Ч', 'км/ч'],
    ['км/час', 'км/ч'],
    ['километров в час', 'км/ч'],
    ['km/h', 'км/ч'],
    ['км./ч.', 'км/ч'],
    ['м/с', 'м/с'],
    ['м/сек', 'м/с'],
    ['метров в секунду', 'м/с'],
    ['м²', 'м2'],
    ['м^2', 'м2'],
    ['м2', 'м2'],
    ['кв. м', 'м2'],
    ['см³', 'см3'],
    ['сантиметров', 'см'],
    ['сек.', 'с'],
    ['часа', 'ч'],
    ['мин.', 'мин'],
    ['Кбайт', 'кбайт'],
    ['КБ', 'кбайт'],
    ['килобайт', 'кбайт'],
    ['процентов', '%'],
    ['страниц', 'страниц'],
  ])('%j is %j', (typed, unit) => expect(normaliseUnit(typed)).toBe(unit));

  it('one unit in another spelling is the same unit; another unit is not', () => {
    expect(sameUnit('км в час', 'км/ч')).toBe(true);
    expect(sameUnit('м/с', 'км/ч')).toBe(false);
    expect(sameUnit('м', 'км')).toBe(false);
    expect(sameUnit('квт', 'т')).toBe(false);
  });

  it.each(['см', 'км/ч', 'м²', 'м^2', 'м2', '%', '°', 'кв. м', 'страниц', 'm/s', 'м', 'ч', 's'])('%j reads as a unit', (text) => {
    expect(looksLikeUnit(text)).toBe(true);
  });

  it.each(['e3', 'x10', 'см 5', '/ч', '2', 'и 6', 'a2', 'x', 'y'])('%j is not a unit', (text) => {
    expect(looksLikeUnit(text)).toBe(false);
  });
});
