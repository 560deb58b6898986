import { z } from 'zod';
import { EXAM_TYPES } from './domain';

/**
 * Why a typed answer was not taken, when there is something more useful to say than «not yet right»:
 * how to write it, never whether its value was right. Kept apart from the checker so the contract (and
 * the page's first chunk) does not pull in the expression parser.
 */
export const answerNoticeSchema = z.discriminatedUnion('code', [
  /** Not a number at all («двадцать», «5 и 6»). */
  z.object({ code: z.literal('not_a_number') }),
  /** Spaces between digits that could mean two numbers («12 5», «2 5/3»). */
  z.object({ code: z.literal('ambiguous_spaces') }),
  /** Another unit than the one the exercise asks for. */
  z.object({ code: z.literal('wrong_unit'), unit: z.string() }),
  /** A common fraction where the exam's answer sheet takes only an integer or a decimal. */
  z.object({ code: z.literal('exam_fraction'), exam: z.enum(EXAM_TYPES) }),
  /** A unit where the exam's answer sheet takes only the number. */
  z.object({ code: z.literal('exam_unit'), exam: z.enum(EXAM_TYPES) }),
  /** A decimal where the exercise asks for a common fraction. */
  z.object({ code: z.literal('fraction_wanted') }),
  /** An improper fraction (or a decimal) where the exercise asks for a mixed number. */
  z.object({ code: z.literal('mixed_wanted') }),
  /** A fraction that can still be reduced where the exercise asks for one that cannot. */
  z.object({ code: z.literal('reduce') }),
  /** Not readable as an expression. */
  z.object({ code: z.literal('not_an_expression') }),
  /** Not written as a product where the exercise asks to factor. */
  z.object({ code: z.literal('product_wanted') }),
]);

export type AnswerNotice = z.infer<typeof answerNoticeSchema>;
