import type { Db } from '../../db/types';
import { fitToBudget, tokenBudget } from '../conversation-window';
import { bestPassage, findRelevantLessons } from '../lesson-retrieval';
import type { ChatTurn, TeacherProvider, TeachingContext } from '../provider';
import { buildModelMessages } from '../teaching-policy';
import type { EmbeddedEngine } from './embedded-engine';

const PASSAGES = 3;

/** The lessons the question is about: the session's own, else the best matches of the retrieval. */
async function groundingFor(db: Db, context: TeachingContext, question: string): Promise<{ titles: string[]; passages: string }> {
  if (context.lesson) return { titles: [context.lesson.title], passages: '' };
  const found = await findRelevantLessons(db, question, PASSAGES);
  const passages = found.map((lesson) => `### ${lesson.title}\n${bestPassage(lesson, question)}`).join('\n\n');
  return { titles: found.map((lesson) => lesson.title), passages };
}

const SOURCES = { ru: 'Уроки', en: 'Lessons' } as const;
const MATERIAL = { ru: 'Материал уроков по вопросу', en: 'Lesson material on the question' } as const;

/**
 * A GGUF model run in-process (node-llama-cpp in a worker thread), grounded like the server model:
 * our system prompt with the session's lesson, or the lesson passages retrieval finds for the
 * question; the reply ends by naming the lessons it was given.
 */
export function embeddedTeacher(db: Db, engine: EmbeddedEngine, modelPath: string): TeacherProvider {
  return {
    kind: 'embedded',
    async *streamReply({ context, history, signal, onTruncated }) {
      const question = history.findLast((turn) => turn.role === 'user')?.content ?? '';
      const grounding = await groundingFor(db, context, question);
      const [system, ...turns] = buildModelMessages(context, history);
      const grounded: ChatTurn = grounding.passages
        ? { role: 'system', content: `${system!.content}\n\n## ${MATERIAL[context.language]}\n\n${grounding.passages}` }
        : system!;
      // Loaded first: the budget is the context the model really runs with (its trained size may be smaller).
      const loaded = await engine.load(modelPath, () => {});
      const budget = tokenBudget(loaded.contextTokens);
      // Its own tokenizer's measure, with a margin: the sample is not every text.
      const messages = fitToBudget(grounded, turns, budget.promptTokens, loaded.bytesPerToken * 0.85);
      let wrote = false;
      for await (const piece of engine.stream(modelPath, messages, budget.replyTokens, signal, { onTruncated })) {
        wrote ||= piece.trim() !== '';
        yield piece;
      }
      if (wrote && grounding.titles.length > 0) yield `\n\n${SOURCES[context.language]}: ${grounding.titles.join('; ')}.`;
    },
  };
}
