import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, describeOnEachDatabase } from '../../../tests/support/test-databases';
import { lessonIdFor } from '../content/content-ids';
import { installPackDirectory, readPackFile } from '../content/load-packs';
import { seedCourse } from '../../../tests/support/fixtures';
import { bestPassage, contentWords, findRelevantLessons, toAnyWordQuery } from './lesson-retrieval';

/**
 * Questions as a student would type them (not the lessons' titles), each with the lesson of the
 * starter courses that answers it: course key, lesson key.
 */
const QUESTIONS: [question: string, course: string, lesson: string][] = [
  ['как сравнить две дроби с разными знаменателями', 'math-5-fractions', 'unlike-denominators'],
  ['что такое дискриминант', 'algebra-8-quadratic', 'discriminant-and-roots'],
  ['формула средней скорости', 'physics-7-motion', 'average-speed'],
  ['как решать задание 1 ОГЭ про скидку в процентах', 'oge-math', 'oge-percents-and-formulas'],
  ['как перевести число из двоичной системы в десятичную', 'ege-informatics', 'ege-task-14-number-systems'],
  ['что такое импликация и когда она ложна', 'ege-informatics', 'ege-task-2-logic'],
  ['как посчитать объём растрового изображения в килобайтах', 'ege-informatics', 'ege-tasks-7-11-information-volume'],
  ['как работает черепаха в задании 6 егэ по информатике', 'ege-informatics', 'ege-tasks-6-12-executors'],
  ['как посчитать сколько слов можно составить из букв', 'ege-informatics', 'ege-task-8-combinatorics'],
  ['что напечатает программа с циклом while', 'ege-informatics', 'ege-task-5-loop-analysis'],
  ['как найти сумму и произведение корней не решая уравнение', 'algebra-8-quadratic', 'vieta-theorem'],
  ['как разложить квадратный трёхчлен на множители', 'algebra-8-quadratic', 'factoring-quadratic-trinomial'],
  ['уравнение с иксом в знаменателе, откуда берутся посторонние корни', 'algebra-8-quadratic', 'fractional-rational-equations'],
  ['как составить уравнение по условию задачи про площадь прямоугольника', 'algebra-8-quadratic', 'quadratic-word-problems'],
  ['как перевести скорость из км/ч в м/с', 'physics-7-motion', 'speed-and-units'],
  ['чем отличается путь от траектории', 'physics-7-motion', 'mechanical-motion-trajectory'],
  ['как найти время если известны путь и скорость', 'physics-7-motion', 'distance-and-time'],
  ['как по графику пути понять что тело стоит на месте', 'physics-7-motion', 'motion-graphs'],
  ['лодка плывёт по течению реки, какая у неё скорость относительно берега', 'physics-7-motion', 'relative-velocity'],
  ['как выделить целую часть из неправильной дроби', 'math-5-fractions', 'mixed-numbers'],
  ['как сократить дробь', 'math-5-fractions', 'basic-property-of-fraction'],
  ['как сложить дроби с одинаковыми знаменателями', 'math-5-fractions', 'adding-subtracting-like-fractions'],
  ['что показывает числитель дроби', 'math-5-fractions', 'what-is-a-fraction'],
  ['как решить систему неравенств', 'oge-math', 'oge-task-13-inequalities'],
  ['как упростить выражение с корнями и степенями', 'oge-math', 'oge-task-8-powers-roots'],
  ['как перевести обыкновенную дробь в десятичную', 'oge-math', 'oge-task-6-fractions'],
  ['сколько корней у квадратного уравнения если дискриминант отрицательный', 'algebra-8-quadratic', 'discriminant-and-roots'],
  ['как решить неполное квадратное уравнение без формулы корней', 'algebra-8-quadratic', 'incomplete-quadratic-equations'],
  ['какова вероятность что выпадет орёл при броске монеты', 'oge-math', 'oge-task-10-probability'],
  ['как найти процент от числа', 'oge-math', 'oge-percents-and-formulas'],
  ['как найти меньший корень уравнения через дискриминант', 'algebra-8-quadratic', 'discriminant-and-roots'],
  ['что такое приведённое квадратное уравнение', 'algebra-8-quadratic', 'incomplete-quadratic-equations'],
  ['как найти сумму квадратов корней не решая уравнение', 'algebra-8-quadratic', 'vieta-theorem'],
  ['как сократить дробь с квадратным трёхчленом в числителе', 'algebra-8-quadratic', 'factoring-quadratic-trinomial'],
  ['когда корень уравнения считается посторонним', 'algebra-8-quadratic', 'fractional-rational-equations'],
  ['задача про моторную лодку по течению и против течения', 'algebra-8-quadratic', 'quadratic-word-problems'],
  ['как перевести шестнадцатеричное число в десятичное', 'ege-informatics', 'ege-task-14-number-systems'],
  ['как построить таблицу истинности на питоне', 'ege-informatics', 'ege-task-2-logic'],
  ['сколько байт займёт пароль', 'ege-informatics', 'ege-tasks-7-11-information-volume'],
  ['как работает команда заменить у редактора', 'ege-informatics', 'ege-tasks-6-12-executors'],
  ['как вручную выполнить программу и записать значения переменных', 'ege-informatics', 'ege-task-5-loop-analysis'],
  ['как с помощью itertools перебрать все слова', 'ege-informatics', 'ege-task-8-combinatorics'],
  ['какую часть числа составляет дробь', 'math-5-fractions', 'what-is-a-fraction'],
  ['какая дробь называется правильной', 'math-5-fractions', 'comparing-fractions'],
  ['как вычесть дробь из единицы', 'math-5-fractions', 'adding-subtracting-like-fractions'],
  ['как записать смешанное число в виде неправильной дроби', 'math-5-fractions', 'mixed-numbers'],
  ['что такое дополнительный множитель', 'math-5-fractions', 'basic-property-of-fraction'],
  ['как найти наименьший общий знаменатель', 'math-5-fractions', 'unlike-denominators'],
  ['как посчитать многоэтажную дробь в задании 6', 'oge-math', 'oge-task-6-fractions'],
  ['что такое стандартный вид числа', 'oge-math', 'oge-task-8-powers-roots'],
  ['как решать линейное уравнение с дробями', 'oge-math', 'oge-task-9-equations'],
  ['как записать ответ к квадратному неравенству в виде промежутка', 'oge-math', 'oge-task-13-inequalities'],
  ['цену повысили на 10 процентов а потом ещё на 10, на сколько выросла цена', 'oge-math', 'oge-percents-and-formulas'],
  ['какова вероятность противоположного события', 'oge-math', 'oge-task-10-probability'],
  ['что такое тело отсчёта', 'physics-7-motion', 'mechanical-motion-trajectory'],
  ['какая единица скорости в системе си', 'physics-7-motion', 'speed-and-units'],
  ['как найти путь по графику скорости', 'physics-7-motion', 'motion-graphs'],
  ['почему средняя скорость не равна среднему арифметическому скоростей', 'physics-7-motion', 'average-speed'],
  ['как найти скорость сближения двух машин', 'physics-7-motion', 'relative-velocity'],
  ['за сколько секунд свет доходит от солнца до земли', 'physics-7-motion', 'distance-and-time'],
];

describeOnEachDatabase('lesson retrieval on the starter courses', (ctx) => {
  it('finds the lesson that answers each student question among the top three', async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const misses: { question: string; expected: string; found: string[] }[] = [];
    for (const [question, course, lesson] of QUESTIONS) {
      const found = await findRelevantLessons(ctx.db, question);
      expect(found.length).toBeLessThanOrEqual(3);
      if (!found.some((l) => l.lessonId === lessonIdFor(course, lesson))) {
        misses.push({ question, expected: `${course}/${lesson}`, found: found.map((l) => `${l.courseTitle} №${l.lessonNumber} ${l.title}`) });
      }
    }
    expect(misses).toEqual([]);
  }, 60_000);

  it('returns whole lessons, best first, in the same order every time', async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const found = await findRelevantLessons(ctx.db, 'скорость', 4);
    expect(found).toHaveLength(4);
    expect(found.map((l) => l.rank)).toEqual([...found.map((l) => l.rank)].sort((a, b) => b - a));
    expect(found.every((l) => l.courseTitle.startsWith('Физика'))).toBe(true);
    expect(found[0]).toMatchObject({ courseId: expect.any(String), lessonNumber: expect.any(Number), topic: expect.any(String) });
    expect(found[0]!.content.length).toBeGreaterThan(400);
    expect(found[0]!.keyConcepts[0]).toEqual({ term: expect.any(String), definition: expect.any(String) });
    expect(await findRelevantLessons(ctx.db, 'скорость', 4)).toEqual(found);
  });

  it('still ranks when every lesson has every word of the question', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'same-words', 4);
    const found = await findRelevantLessons(ctx.db, 'текст урока с формулой');
    expect(found.map((l) => l.lessonId)).toEqual(lessonIds.slice(0, 3));
    expect(found.every((l) => Number.isFinite(l.rank) && l.rank > 0)).toBe(true);
  });

  it('lets no tsquery operator through and finds nothing where nothing fits', async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const hostile = ['дробь & !знаменатель', "':* | ( <-> )", "'; DROP TABLE lessons; --", 'скорость:A <2> путь', 'x² + ½ ٣ 数学 😀', 'я'.repeat(3000)];
    for (const question of hostile) {
      await expect(findRelevantLessons(ctx.db, question)).resolves.toEqual(expect.any(Array));
    }
    expect(await findRelevantLessons(ctx.db, 'дробь & !знаменатель')).not.toHaveLength(0);
    expect(await findRelevantLessons(ctx.db, '')).toEqual([]);
    expect(await findRelevantLessons(ctx.db, 'как это? почему?')).toEqual([]);
    expect(await findRelevantLessons(ctx.db, 'абракадабра кукареку')).toEqual([]);
  });
});

describe('question words and lesson passages', () => {
  it('keeps the words that say what a question is about, as letters and digits only', () => {
    expect(contentWords('Как найти ДИСКРИМИНАНТ, если ёлка: задание 1?')).toEqual(['дискриминант', 'елка', 'задание', '1']);
    expect(toAnyWordQuery('что такое «импликация» & | ! :*')).toBe('импликация:*');
    expect(toAnyWordQuery('задание 12 ОГЭ')).toBe('задание:* | 12 | огэ:*');
    expect(toAnyWordQuery('как? что?')).toBeNull();
  });

  it('quotes the key concept and the paragraph about the question, briefly', () => {
    const lesson = readPackFile(`${CONTENT_DIR}/physics-7-motion.json`).pack.lessons.find((l) => l.key === 'average-speed')!;
    const passage = bestPassage(lesson, 'по какой формуле считать среднюю скорость');
    expect(passage).toMatch(/^\*\*Средняя скорость\*\* — Отношение всего пройденного пути/);
    expect(passage).toContain('\\frac{s_1 + s_2 + \\ldots}{t_1 + t_2 + \\ldots}');
    expect(passage.length).toBeLessThanOrEqual(650);
  });

  it('cuts a long paragraph at a sentence end outside any formula', () => {
    const sentence = 'Скорость сближения равна $v_1 + v_2$. ';
    const content = `## Встречное движение\n\n${sentence.repeat(40)}\n\n## Другое\n\nПро другое.`;
    const passage = bestPassage({ content, keyConcepts: [] }, 'скорость сближения');
    expect(passage.length).toBeLessThanOrEqual(600);
    expect(passage.endsWith('.')).toBe(true);
    expect((passage.match(/\$/g) ?? []).length % 2).toBe(0);
  });

  it('falls back to the lesson’s first paragraph when no word of the question is in it', () => {
    const content = '## Введение\n\nПервый абзац урока.\n\nВторой абзац.';
    expect(bestPassage({ content, keyConcepts: [{ term: 'Путь', definition: 'Длина траектории.' }] }, 'квазар')).toBe('Первый абзац урока.\n\nВторой абзац.');
  });
});
