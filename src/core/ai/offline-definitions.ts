import type { KeyConcept } from '../../shared/content';
import { sql } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { findRelevantLessons, shorten, stemsOf, type RetrievedLesson } from './lesson-retrieval';
import type { TeachingContext } from './provider';

/** A lesson as the offline teacher quotes it: the retrieved ones, and the one the student has open. */
export type QuotableLesson = Pick<RetrievedLesson, 'title' | 'courseTitle' | 'content' | 'keyConcepts'> & { lessonId: string };

export interface FoundDefinition {
  lesson: QuotableLesson;
  concept: KeyConcept;
  /** The lesson's case analysis of the concept («$D > 0$ — два корня…»), with its heading. */
  cases: string | null;
}

/**
 * How well a key concept's term names what the student asked about: the same words win, then a term
 * that contains every asked word («дробь» → «Обыкновенная дробь»), then one whose words are all asked.
 */
function termScore(term: string, asked: string[]): number {
  const termStems = stemsOf(term);
  if (!termStems.length || !asked.length) return 0;
  const inTerm = asked.filter((s) => termStems.includes(s)).length;
  const inAsked = termStems.filter((s) => asked.includes(s)).length;
  if (inTerm === asked.length && inAsked === termStems.length) return 10;
  if (inTerm === asked.length) return 6 - Math.min(2, termStems.length - asked.length) * 0.5;
  if (inAsked === termStems.length) return 5;
  return inTerm ? 2 * inTerm : 0;
}

const MIN_SCORE = 5;

/**
 * The word a Russian term is about: its first word unless that is an adjective («Обыкновенная
 * дробь» is a kind of «дробь»; «Сокращение дроби» is a kind of «сокращение»).
 */
function headWord(term: string): string {
  const words = term.split(/\s+/);
  // «-ние», «-тие» end nouns («Сокращение», «Развитие»), not adjectives.
  const adjective = (w: string) => /(?:ая|яя|ый|ий|ой|ое|ее|ые|ие)$/u.test(w) && !/(?:ни|ти)е$/u.test(w);
  return words.find((w) => !adjective(w.toLocaleLowerCase('ru-RU'))) ?? words[0] ?? '';
}

/** The lessons worth searching for a term: the open one first, then the catalogue's best matches. */
async function candidateLessons(db: Db, subject: string, context: TeachingContext): Promise<QuotableLesson[]> {
  const found = await findRelevantLessons(db, subject, 6);
  const open = context.lesson;
  const openLesson: QuotableLesson[] = open ? [{ lessonId: open.id, title: open.title, courseTitle: context.courseTitle ?? '', content: open.content, keyConcepts: open.keyConcepts }] : [];
  const seen = new Set([open?.id, ...found.map((l) => l.lessonId)]);
  const naming = (await lessonsNaming(db, stemsOf(subject))).filter((l) => !seen.has(l.lessonId));
  return [...openLesson, ...found.filter((l) => l.lessonId !== open?.id), ...naming];
}

const MAX_NAMING = 40;

/**
 * Lessons whose key concepts contain one of the stems: full-text ranking favours lessons that use a
 * word often, while the lesson that defines it may use it once. Both cases of the first letter are
 * searched, as `lower()` does not fold Cyrillic under every database locale.
 */
async function lessonsNaming(db: Db, stems: string[]): Promise<QuotableLesson[]> {
  const patterns = stems.flatMap((s) => [`%${s}%`, `%${s.charAt(0).toLocaleUpperCase('ru-RU')}${s.slice(1)}%`]);
  if (!patterns.length) return [];
  const rows = await executeRows<{ id: string; title: string; course_title: string; content: string; key_concepts: KeyConcept[] }>(
    db,
    sql`SELECT l.id, l.title, c.title AS course_title, l.content, l.key_concepts
        FROM lessons l JOIN courses c ON c.id = l.course_id
        WHERE l.retired_at IS NULL AND c.retired_at IS NULL
          AND l.key_concepts::text LIKE ANY (ARRAY[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}]::text[])
        ORDER BY c.title, l.lesson_number
        LIMIT ${MAX_NAMING}`,
  );
  return rows.map((r) => ({ lessonId: r.id, title: r.title, courseTitle: r.course_title, content: r.content, keyConcepts: r.key_concepts }));
}

export async function findDefinition(db: Db, subject: string, context: TeachingContext): Promise<FoundDefinition | null> {
  const asked = stemsOf(subject);
  if (!asked.length) return null;
  const lessons = await candidateLessons(db, subject, context);
  let best: { lesson: QuotableLesson; concept: KeyConcept; score: number } | null = null;
  for (const [order, lesson] of lessons.entries()) {
    for (const concept of lesson.keyConcepts) {
      // Earlier lessons (the open one, then better-ranked ones) win a tie.
      const fit = termScore(concept.term, asked);
      const score = fit + (fit && asked.includes(stemsOf(headWord(concept.term))[0] ?? '') ? 1 : 0) - order * 0.01;
      if (fit >= MIN_SCORE && (!best || score > best.score)) best = { lesson, concept, score };
    }
  }
  if (!best) return null;
  const { lesson, concept }: { lesson: QuotableLesson; concept: KeyConcept } = best;
  return { lesson, concept, cases: casesOf(lesson.content, concept) };
}

/**
 * A concept named by a symbol («Число $D = b^2 - 4ac$…») is often followed in the lesson by what each
 * value of the symbol means: a list whose items compare the symbol ($D > 0$, $D = 0$, $D < 0$).
 */
export function casesOf(content: string, concept: KeyConcept): string | null {
  const symbol = concept.definition.match(/\$\s*([A-Za-z](?:_\{?\w+\}?)?)\s*=/)?.[1];
  if (!symbol) return null;
  const escaped = symbol.replace(/[\\{}^_]/g, (c) => `\\${c}`);
  const comparison = new RegExp(`\\$\\s*${escaped}\\s*(?:>|<|=|\\\\ge|\\\\le|\\\\geq|\\\\leq|\\\\neq?)`);
  let heading = '';
  for (const block of content.split(/\n\s*\n/).map((b) => b.trim())) {
    if (block.startsWith('#')) {
      heading = block.replace(/^#+\s*/, '');
      continue;
    }
    const items = block.split('\n').filter((line) => /^\s*(?:[-*]|\d+[.)])\s/.test(line));
    if (items.length >= 2 && items.filter((line) => comparison.test(line)).length >= 2) return heading ? `**${heading}**\n\n${block}` : block;
  }
  return null;
}

/**
 * Without a key concept, the sentence of a lesson that introduces the term in bold («Её называют
 * **дискриминантом**»), whole — never a fragment.
 */
export async function findDefiningSentence(db: Db, subject: string, context: TeachingContext): Promise<{ lesson: QuotableLesson; text: string } | null> {
  const asked = stemsOf(subject);
  if (!asked.length) return null;
  for (const lesson of await candidateLessons(db, subject, context)) {
    for (const paragraph of lesson.content.split(/\n\s*\n/)) {
      if (paragraph.startsWith('#')) continue;
      for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=[«"*$\p{Lu}])/u)) {
        const bold = [...sentence.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
        if (bold.some((b) => termScore(b, asked) >= MIN_SCORE)) return { lesson, text: shorten(sentence.trim(), 500) };
      }
    }
  }
  return null;
}
