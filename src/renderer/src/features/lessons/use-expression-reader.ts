import { useEffect, useState } from 'react';

/** Whether a typed expression can be read at all; the core compares its value. */
export type ExpressionReader = (text: string) => boolean;

/**
 * The expression parser (mathjs) is loaded only on a page with an expression exercise, so lessons
 * without algebra do not carry it. Until it has loaded (or if it cannot), nothing is refused here: the
 * core reads the answer anyway and says how to write it.
 */
export function useExpressionReader(wanted: boolean): ExpressionReader | null {
  const [reader, setReader] = useState<ExpressionReader | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    import('../../../../shared/answer-expression')
      .then(({ readExpression }) => {
        if (current) setReader(() => (text: string) => readExpression(text).kind === 'expression');
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [wanted]);
  return reader;
}
