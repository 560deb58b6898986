import { stemsOf } from './lesson-retrieval';
import { say } from './offline-phrases';
import type { TeachingContext } from './provider';

/**
 * The numbers a solution states, as values: «0{,}4», «0,4», «-\frac{1}{3}», «1/3», «−2». A fraction
 * counts as its value (and not as its two integers), so «1/3» meets «\frac{1}{3}».
 */
export function numbersOf(text: string): number[] {
  const values: number[] = [];
  const rest = decimalPoints(text)
    .replace(/[−–]/g, '-')
    .replace(/(-?)\s*\\d?frac\{(-?\d+(?:[.,]\d+)?)\}\{(\d+(?:[.,]\d+)?)\}/g, (_, sign: string, a: string, b: string) => {
      values.push((sign ? -1 : 1) * (Number(a.replace(',', '.')) / Number(b.replace(',', '.'))));
      return ' ';
    })
    .replace(/(-?\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)/g, (_, a: string, b: string) => {
      values.push(Number(a.replace(',', '.')) / Number(b.replace(',', '.')));
      return ' ';
    });
  for (const m of rest.matchAll(/(?<![\w^_])-?\d+(?:[.,]\d+)?/g)) values.push(Number(m[0].replace(',', '.')));
  return values.filter(Number.isFinite);
}

const has = (values: number[], x: number) => values.some((v) => Math.abs(v - x) < 1e-6 * Math.max(1, Math.abs(x)));
const distinct = (values: number[]) => values.filter((v, i) => !has(values.slice(0, i), v));

/** «1{,}5» and «1,5» are 1.5: read before any splitting at commas. */
const decimalPoints = (text: string) => text.replace(/\{,\}/g, '.').replace(/(\d),(\d)/g, '$1.$2');

/** The results of a model solution: what follows its «=» signs and its «Ответ:», without the task's own numbers. */
function resultsOf(modelText: string, prompt: string): number[] {
  const model = decimalPoints(modelText);
  const afterEquals = [...model.matchAll(/=\s*([^=$,;:]*?)(?=[$,;:]|\s[а-яa-z]|$)/gimu)].flatMap((m) => numbersOf(m[1]!));
  const final = model.match(/ответ\p{L}*[:*\s]+([^]*)$/iu)?.[1] ?? '';
  const given = numbersOf(prompt);
  return distinct([...afterEquals, ...numbersOf(final)]).filter((v) => !has(given, v) || has(numbersOf(final), v));
}

/** Key words a full answer uses: words of the criteria and the lesson's terms that the model solution also uses. */
function keyWordsOf(context: TeachingContext): string[] {
  const homework = context.homework!;
  const model = new Set(stemsOf(homework.modelAnswer));
  const candidates = [...homework.criteria, ...(context.lesson?.keyConcepts.map((c) => c.term) ?? [])].join(' ');
  return stemsOf(candidates).filter((s) => s.length >= 5 && model.has(s));
}

const MAX_NAMED = 4;

/**
 * The offline review of a submitted homework: the answer is compared with the model solution — its
 * results, its key words and whether it shows its working — not with its length. A complete answer
 * is praised; otherwise what is missing is named and the criteria are given to check against.
 */
export function reviewHomeworkOffline(context: TeachingContext): string[] {
  const { language: lang, homework } = context;
  if (!homework) return [];
  const answer = homework.studentAnswer;
  const results = resultsOf(homework.modelAnswer, homework.prompt);
  const theirs = numbersOf(answer);
  const missingNumbers = results.filter((v) => !has(theirs, v));
  const keyWords = keyWordsOf(context);
  const theirStems = new Set(stemsOf(answer));
  const missingWords = keyWords.filter((s) => !theirStems.has(s));
  const modelShowsWork = (homework.modelAnswer.match(/=/g)?.length ?? 0) >= 2;
  const showsWork = (answer.match(/=/g)?.length ?? 0) >= 2 || answer.trim().split('\n').length >= 3;
  const numberShare = results.length ? 1 - missingNumbers.length / results.length : 1;
  const wordShare = keyWords.length ? 1 - missingWords.length / keyWords.length : 1;
  const allowed = new Set([...results, ...numbersOf(homework.modelAnswer), ...numbersOf(homework.prompt)]);
  const stray = distinct(numbersOf(answer.split(/=/).slice(1).join('='))).filter((v) => !has([...allowed], v));

  if (numberShare >= 0.9 && wordShare >= 0.5 && (showsWork || !modelShowsWork) && stray.length === 0) return [say(lang, 'reviewComplete')];

  const fmt = (v: number) => (lang === 'ru' ? String(Number(v.toFixed(4))).replace('.', ',') : String(Number(v.toFixed(4))));
  const missing = [
    missingNumbers.length ? say(lang, 'reviewMissingNumbers', { items: missingNumbers.slice(0, MAX_NAMED).map(fmt).join('; ') }) : '',
    stray.length ? say(lang, 'reviewWrongNumbers', { items: stray.slice(0, MAX_NAMED).map(fmt).join('; ') }) : '',
    missingWords.length && wordShare < 0.75 ? say(lang, 'reviewMissingWords', { items: wordsNamed(homework.criteria.join(' ') + ' ' + homework.modelAnswer, missingWords).join(', ') }) : '',
    modelShowsWork && !showsWork ? say(lang, 'reviewNoSteps') : '',
  ].filter(Boolean);
  const checklist = homework.criteria.length ? [say(lang, 'checklist'), ...homework.criteria.map((c) => `- [ ] ${c}`)].join('\n') : say(lang, 'noCriteria');
  return [
    [say(lang, numberShare >= 0.5 ? 'reviewMostly' : 'reviewFarOff'), ...missing.map((m) => `- ${m}`)].join('\n'),
    checklist,
    say(lang, 'modelReview'),
  ];
}

/** A stem shown as a word the student knows: its first full form in the criteria or the model answer. */
function wordsNamed(text: string, stems: string[]): string[] {
  const words = text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').match(/\p{L}+/gu) ?? [];
  return stems.slice(0, MAX_NAMED).map((s) => words.find((w) => w.startsWith(s)) ?? s);
}
