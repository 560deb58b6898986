import { sql } from 'drizzle-orm';
import type { KeyConcept } from '../../shared/content';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';

export interface RetrievedLesson {
  lessonId: string;
  courseId: string;
  courseTitle: string;
  lessonNumber: number;
  title: string;
  topic: string;
  rank: number;
  keyConcepts: KeyConcept[];
  content: string;
}

/**
 * Words that say what kind of question it is, not what it is about: left in, they would match
 * nearly every lesson through prefixes («как:*» finds «какой», «каждый»). The short function words
 * are stop words of PostgreSQL's `russian` dictionary too; they are here for the passage scoring.
 */
const STOP_WORDS = new Set([
  'как', 'какой', 'какая', 'какое', 'какие', 'каким', 'что', 'чем', 'это', 'эти', 'этот', 'эта', 'почему', 'зачем',
  'такое', 'такой', 'такая', 'найти', 'находить', 'где', 'когда', 'или', 'если', 'для', 'мне', 'меня', 'нужно', 'надо',
  'можно', 'помоги', 'помогите', 'объясни', 'объясните', 'расскажи', 'пожалуйста', 'правильно', 'вообще', 'значит',
  'делать', 'решать', 'решить', 'решается', 'считать', 'посчитать', 'вычислить', 'есть', 'быть', 'будет', 'тут', 'там',
  'по', 'на', 'из', 'за', 'до', 'от', 'не', 'ни', 'же', 'ли', 'бы', 'то', 'во', 'со', 'ко', 'об', 'он', 'мы', 'вы', 'их',
  'ее', 'да', 'но', 'она', 'они', 'оно', 'его', 'про', 'при', 'без', 'над', 'под', 'все', 'так', 'уже', 'еще', 'тот', 'том',
  'the', 'what', 'how', 'why', 'and', 'for', 'with', 'does', 'this', 'that', 'are', 'you', 'can', 'please', 'explain',
  'is', 'of', 'to', 'in', 'on', 'at', 'an', 'or', 'it', 'be', 'do',
]);

const MAX_QUERY_WORDS = 12;
/** PostgreSQL skips longer words with a notice; nobody asks about a 40-letter word. */
const MAX_WORD_LENGTH = 40;

const isNumber = (word: string) => /^\p{N}+$/u.test(word);

/** Lower-cased, «ё» folded; letters and digits only, so nothing else ever reaches a tsquery. */
function words(text: string): string[] {
  const all = text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
  return all.filter((w) => w.length <= MAX_WORD_LENGTH && (isNumber(w) || (w.length >= 2 && !STOP_WORDS.has(w))));
}

/** The distinct words of a question that say what it is about. */
export function contentWords(text: string): string[] {
  return [...new Set(words(text))].slice(0, MAX_QUERY_WORDS);
}

/**
 * Any of the words may match (a student's question rarely uses every word of the lesson), each as a
 * prefix so word forms meet. Numbers match exactly: «1:*» would also find 10, 12 and 1000.
 */
const wordQueries = (text: string) => contentWords(text).map((w) => (isNumber(w) ? w : `${w}:*`));

export function toAnyWordQuery(text: string): string | null {
  const words = wordQueries(text);
  return words.length ? words.join(' | ') : null;
}

/** Weights of D, C, B, A: a hit in a title counts ten times a hit in an exercise prompt. */
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'`);
/** Course words («физика», «ЕГЭ») only break ties between lessons that match on their own. */
const COURSE_SHARE = 0.3;
/**
 * How much it counts that a lesson contains the question's rare words, not just many of its common
 * ones: with «дроби» in every fractions lesson, «числитель» must decide. Tuned on the starter
 * courses (lesson-retrieval.test.ts), where plain cover density ranked such lessons fourth or fifth.
 */
const COVERAGE_WEIGHT = 6;

/**
 * The lessons that best answer a question, best first, found through the lessons' full-text index.
 * Rank: the weighted cover density of the lesson (title hits first) and its course, scaled up by the
 * idf-weighted share of the question's words the lesson contains.
 */
export async function findRelevantLessons(db: Db, question: string, limit = 3): Promise<RetrievedLesson[]> {
  const words = wordQueries(question);
  if (!words.length) return [];
  const query = sql`to_tsquery('russian', ${words.join(' | ')})`;
  const wordArray = sql`ARRAY[${sql.join(words.map((w) => sql`${w}`), sql`, `)}]::text[]`;
  const rows = await executeRows<{
    id: string;
    course_id: string;
    course_title: string;
    lesson_number: number;
    title: string;
    topic: string;
    key_concepts: KeyConcept[];
    content: string;
    rank: number;
  }>(
    db,
    sql`WITH terms AS (
          SELECT to_tsquery('russian', w) AS q FROM unnest(${wordArray}) AS w
        ), weighted AS (
          SELECT t.q, ln((1 + (SELECT count(*) FROM lessons)) / (1.0 + (SELECT count(*) FROM lessons x WHERE x.search_vector @@ t.q))) AS idf
          FROM terms t WHERE numnode(t.q) > 0
        )
        SELECT l.id, l.course_id, c.title AS course_title, l.lesson_number, l.title, l.topic, l.key_concepts, l.content,
          ((ts_rank_cd(${WEIGHTS}, l.search_vector, q, 1) + ${COURSE_SHARE} * ts_rank_cd(${WEIGHTS}, c.search_vector, q))
            -- Words found in every lesson weigh nothing: if all are such, no lesson gets a share.
            * (1 + ${COVERAGE_WEIGHT} * coalesce((SELECT sum(w.idf) FROM weighted w WHERE l.search_vector @@ w.q)
                 / (SELECT nullif(sum(w.idf), 0) FROM weighted w), 0)))::float8 AS rank
        FROM lessons l JOIN courses c ON c.id = l.course_id, ${query} AS q
        -- The offline teacher answers from the catalogue as it is: nothing retired.
        WHERE l.search_vector @@ q AND l.retired_at IS NULL AND c.retired_at IS NULL
        ORDER BY rank DESC, c.title, l.lesson_number, l.id
        LIMIT ${Math.max(1, Math.floor(limit))}`,
  );
  return rows.map((r) => ({
    lessonId: r.id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    lessonNumber: r.lesson_number,
    title: r.title,
    topic: r.topic,
    rank: Number(r.rank),
    keyConcepts: r.key_concepts,
    content: r.content,
  }));
}

/** A rough stem, enough to meet «дроби» and «дробь», «скорость» and «скорости» inside one lesson. */
export const stem = (word: string) => (word.length <= 4 ? word.slice(0, 3) : word.slice(0, Math.min(5, Math.max(4, word.length - 2))));

/** The distinct stems of a text's content words. */
export const stemsOf = (text: string): string[] => [...new Set(words(text).map(stem))];

function stemHits(text: string, stems: string[]): number {
  const present = new Set(words(text).map(stem));
  return stems.filter((s) => present.has(s)).length;
}

const PASSAGE_LIMIT = 600;

/**
 * The key concept the text is most about: term words count double, a term present in full gets a
 * bonus (so «Средняя скорость» beats «Неравномерное движение» for a question about average speed),
 * and the definition's words break ties.
 */
export function bestConcept(concepts: KeyConcept[], text: string): KeyConcept | null {
  const stems = [...new Set(words(text).map(stem))];
  let best: { concept: KeyConcept; score: number } | null = null;
  for (const concept of concepts) {
    const termHits = stemHits(concept.term, stems);
    const whole = termHits > 0 && termHits === new Set(words(concept.term).map(stem)).size;
    const score = 2 * termHits + (whole ? 2 : 0) + stemHits(concept.definition, stems);
    if (score > 0 && (!best || score > best.score)) best = { concept, score };
  }
  return best?.concept ?? null;
}

const dollarsBefore = (text: string, i: number) => text.slice(0, i).match(/\$/g)?.length ?? 0;

/** The index after the sentence end at or before `to` (and after `from`), never inside a formula; -1 if none. */
function sentenceEnd(text: string, from: number, to: number, backwards: boolean): number {
  for (let i = backwards ? to : from; backwards ? i > from : i < to; i += backwards ? -1 : 1) {
    if (/[.!?]/.test(text[i] ?? '') && (i + 1 >= text.length || /\s/.test(text[i + 1]!)) && dollarsBefore(text, i) % 2 === 0) return i + 1;
  }
  return -1;
}

/**
 * Cut at a sentence end before the limit, never inside a formula; a first sentence longer than the
 * limit is kept whole (up to twice the limit) rather than torn off mid-thought.
 */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = sentenceEnd(text, Math.floor(limit / 3), limit, true);
  if (end < 0) end = sentenceEnd(text, limit, Math.min(text.length, 2 * limit), false);
  let cut: string;
  if (end > 0) cut = text.slice(0, end);
  else {
    const head = text.slice(0, limit);
    cut = `${head.slice(0, head.lastIndexOf(' ')).replace(/\$[^$]*$/, '')}…`;
  }
  // A code block cut in half would swallow the rest of the reply.
  return (cut.match(/```/g)?.length ?? 0) % 2 ? `${cut}\n${'```'}` : cut;
}

/**
 * The short passage of a lesson most worth quoting for a question: the paragraph (read with the
 * heading above it) sharing most word stems with the question, topped up with the paragraphs that
 * follow while they fit — a heading's first paragraph is often one line before its formula.
 * A matching key concept's definition comes first, as the most compact answer.
 */
export function bestPassage(lesson: Pick<RetrievedLesson, 'content' | 'keyConcepts'>, question: string): string {
  const stems = [...new Set(words(question).map(stem))];
  const blocks = lesson.content.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  let heading = '';
  let best = { index: -1, score: -1 };
  blocks.forEach((block, index) => {
    if (block.startsWith('#')) {
      heading = block;
      return;
    }
    const score = stemHits(`${heading}\n${block}`, stems) * 2 + stemHits(block, stems);
    if (score > best.score) best = { index, score };
  });
  const concept = bestConcept(lesson.keyConcepts, question);
  const parts = concept ? [shorten(`**${concept.term}** — ${concept.definition}`, PASSAGE_LIMIT / 2)] : [];
  let length = parts[0]?.length ?? 0;
  for (let i = best.index; i >= 0 && i < blocks.length && !blocks[i]!.startsWith('#'); i++) {
    const block = blocks[i]!;
    if (i > best.index && length + block.length > PASSAGE_LIMIT) break;
    parts.push(shorten(block, Math.max(PASSAGE_LIMIT / 3, PASSAGE_LIMIT - length)));
    length += block.length;
    // A paragraph that stops mid-sentence goes on in the formula below it.
    if (length >= PASSAGE_LIMIT / 2 && /[.!?]\$*$|```$/.test(block)) break;
  }
  return parts.join('\n\n');
}
