import type { Language } from '../../../shared/domain';

/** The words around the formulas of a worked solution, in the student's language. */
const STEP_PHRASES = {
  expand: { ru: 'Раскроем скобки и приведём подобные слагаемые:', en: 'Expand the brackets and collect like terms:' },
  moveTerms: {
    ru: 'Перенесём слагаемые с ${v}$ в левую часть, а числа — в правую, меняя знак при переносе:',
    en: 'Move the terms with ${v}$ to the left and the numbers to the right, changing their signs:',
  },
  collect: { ru: 'Приведём подобные:', en: 'Collect like terms:' },
  divideBoth: { ru: 'Разделим обе части на {k}:', en: 'Divide both sides by {k}:' },
  divideFlip: {
    ru: 'Разделим обе части на {k}; при делении на отрицательное число знак неравенства меняется на противоположный:',
    en: 'Divide both sides by {k}; dividing by a negative number reverses the inequality sign:',
  },
  noRoots: { ru: 'Корней нет.', en: 'There are no roots.' },
  anyNumber: { ru: 'Равенство верно при любом значении ${v}$.', en: 'The equality holds for every value of ${v}$.' },
  noSolutions: { ru: 'Решений нет.', en: 'There are no solutions.' },
  allNumbers: { ru: 'Неравенство верно при любом ${v}$.', en: 'The inequality holds for every ${v}$.' },
  toStandard: {
    ru: 'Перенесём все слагаемые в левую часть и приведём подобные — получим квадратное уравнение:',
    en: 'Move every term to the left and collect like terms — this is a quadratic equation:',
  },
  clearFractions: { ru: 'Умножим обе части на {k}, чтобы избавиться от дробных коэффициентов:', en: 'Multiply both sides by {k} to clear the fractions:' },
  flipSign: { ru: 'Умножим обе части на $-1$, чтобы старший коэффициент был положительным:', en: 'Multiply both sides by $-1$ so the leading coefficient is positive:' },
  coefficients: { ru: 'Коэффициенты: $a = {a}$, $b = {b}$, $c = {c}$.', en: 'Coefficients: $a = {a}$, $b = {b}$, $c = {c}$.' },
  discriminant: { ru: 'Дискриминант: $D = b^2 - 4ac = {work}$.', en: 'Discriminant: $D = b^2 - 4ac = {work}$.' },
  twoRoots: {
    ru: '$D > 0$, значит, у уравнения два корня: $x_{1,2} = \\frac{-b \\pm \\sqrt{D}}{2a} = {work}$.',
    en: '$D > 0$, so the equation has two roots: $x_{1,2} = \\frac{-b \\pm \\sqrt{D}}{2a} = {work}$.',
  },
  oneRoot: {
    ru: '$D = 0$, значит, корень один: $x = -\\frac{b}{2a} = {work}$.',
    en: '$D = 0$, so there is one root: $x = -\\frac{b}{2a} = {work}$.',
  },
  negativeD: { ru: '$D < 0$, значит, действительных корней нет.', en: '$D < 0$, so there are no real roots.' },
  factorOut: { ru: 'Свободного члена нет: вынесем ${v}$ за скобки:', en: 'There is no constant term: take ${v}$ out of the brackets:' },
  productZero: {
    ru: 'Произведение равно нулю, когда хотя бы один множитель равен нулю:',
    en: 'A product is zero when at least one factor is zero:',
  },
  isolateSquare: { ru: 'Второго коэффициента нет: выразим ${v}^2$:', en: 'There is no middle term: isolate ${v}^2$:' },
  squareNegative: { ru: 'Квадрат числа не может быть отрицательным — корней нет.', en: 'A square cannot be negative — there are no roots.' },
  squareRoot: { ru: 'Извлечём квадратный корень:', en: 'Take the square root:' },
  domain: {
    ru: 'Знаменатель не может быть равен нулю: ${den} \\ne 0$. Дробь равна нулю, когда её числитель равен нулю:',
    en: 'A denominator cannot be zero: ${den} \\ne 0$. A fraction is zero when its numerator is zero:',
  },
  extraneous: {
    ru: 'При $x = {x}$ знаменатель обращается в ноль, поэтому это посторонний корень.',
    en: 'At $x = {x}$ the denominator is zero, so it is an extraneous root.',
  },
  check: { ru: 'Проверка: {work}', en: 'Check: {work}' },
  evaluate: { ru: 'Выполним действия по порядку: сначала скобки, затем степени, умножение и деление, потом сложение и вычитание.', en: 'Work in order: brackets first, then powers, multiplication and division, then addition and subtraction.' },
  commonDenominator: { ru: 'Приведём дроби к общему знаменателю {d}: {work}.', en: 'Bring the fractions to the common denominator {d}: {work}.' },
  approximately: { ru: 'Точно это число не записать конечной дробью, приближённо:', en: 'This is not an exact fraction; approximately:' },
  substitute: { ru: 'Подставим значения в выражение:', en: 'Substitute the values:' },
  simplified: { ru: 'Раскроем скобки и приведём подобные:', en: 'Expand and collect like terms:' },
  factorised: {
    ru: 'Корни трёхчлена {roots}, поэтому $ax^2 + bx + c = a(x - x_1)(x - x_2)$:',
    en: 'The trinomial’s roots are {roots}, so $ax^2 + bx + c = a(x - x_1)(x - x_2)$:',
  },
  systemWrite: { ru: 'Запишем систему в виде:', en: 'Write the system as:' },
  systemEliminate: {
    ru: 'Умножим первое уравнение на {m1}, второе — на {m2} и вычтем, чтобы исключить ${v}$:',
    en: 'Multiply the first equation by {m1}, the second by {m2} and subtract to eliminate ${v}$:',
  },
  systemSubtract: { ru: 'Вычтем из первого уравнения второе, чтобы исключить ${v}$:', en: 'Subtract the second equation from the first to eliminate ${v}$:' },
  systemBack: { ru: 'Подставим ${v} = {value}$ в первое уравнение:', en: 'Substitute ${v} = {value}$ into the first equation:' },
  systemNone: { ru: 'Уравнения противоречат друг другу — решений нет.', en: 'The equations contradict each other — there are no solutions.' },
  systemMany: { ru: 'Уравнения равносильны — решений бесконечно много.', en: 'The equations are equivalent — there are infinitely many solutions.' },
  identityTrue: { ru: 'Посчитаем обе части: {work} — равенство верно.', en: 'Work out both sides: {work} — the equality is true.' },
  identityFalse: { ru: 'Посчитаем обе части: {work} — равенство неверно.', en: 'Work out both sides: {work} — the equality is false.' },
  answer: { ru: '**Ответ:** {answer}', en: '**Answer:** {answer}' },
  noRootsAnswer: { ru: 'корней нет', en: 'no roots' },
  anyAnswer: { ru: 'любое число', en: 'any number' },
  noSolutionsAnswer: { ru: 'решений нет', en: 'no solutions' },
  trueAnswer: { ru: 'равенство верно', en: 'the equality is true' },
  falseAnswer: { ru: 'равенство неверно', en: 'the equality is false' },
  or: { ru: 'или', en: 'or' },
} satisfies Record<string, Record<Language, string>>;

export type StepPhrase = keyof typeof STEP_PHRASES;

export function step(language: Language, phrase: StepPhrase, values: Record<string, string> = {}): string {
  return STEP_PHRASES[phrase][language].replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
