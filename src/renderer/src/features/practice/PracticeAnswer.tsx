import type { ExerciseView } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { AnswerField } from '../lessons/AnswerField';
import { ChoiceOptions } from '../lessons/ChoiceOptions';
import type { ExerciseDraft } from '../lessons/exercise-answer';
import type { ExpressionReader } from '../lessons/use-expression-reader';

interface PracticeAnswerProps {
  exercise: ExerciseView;
  draft: ExerciseDraft;
  onDraft: (change: (draft: ExerciseDraft) => ExerciseDraft) => void;
  locked: boolean;
  readsAsExpression: ExpressionReader | null;
  /** The question's heading and prompt, which name the field for screen readers. */
  idPrefix: string;
}

/** The answer to one practice question, in the field its type needs: options to pick, or a typed answer. */
export function PracticeAnswer({ exercise, draft, onDraft, locked, readsAsExpression, idPrefix }: PracticeAnswerProps) {
  const t = useT();
  if (exercise.type !== 'single_choice' && exercise.type !== 'multiple_choice') {
    return (
      <AnswerField
        exercise={exercise}
        text={draft.text}
        onChange={(text) => onDraft((current) => ({ ...current, text }))}
        disabled={locked}
        readsAsExpression={readsAsExpression}
        titleId={`${idPrefix}-title`}
        promptId={`${idPrefix}-prompt`}
      />
    );
  }
  const multiple = exercise.type === 'multiple_choice';
  return (
    <>
      <p id={`${idPrefix}-how`} className="field__hint">
        {multiple ? t('exercise.pickMany') : t('exercise.pickOne')}
      </p>
      <ChoiceOptions
        multiple={multiple}
        options={exercise.options ?? []}
        name={`${idPrefix}-options`}
        choice={draft.choice}
        choices={draft.choices}
        onChoice={(choice) => onDraft((current) => ({ ...current, choice }))}
        onChoices={(choices) => onDraft((current) => ({ ...current, choices }))}
        disabled={locked}
        labelledBy={`${idPrefix}-prompt`}
        describedBy={`${idPrefix}-how`}
      />
    </>
  );
}
