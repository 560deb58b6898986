import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { LearningPlan, PlanSettings } from '../../../../shared/contract';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { explainedByFields } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { addDays } from './plan-dates';
import {
  checkDraft,
  initialDraft,
  MINUTES_MAX,
  MINUTES_MIN,
  serverIssues,
  toggleDay,
  type PlanDraft,
  type PlanField,
  type PlanIssue,
  type PlanIssues,
} from './plan-form';
import { WeekdayToggles } from './WeekdayToggles';

interface PlanFormProps {
  courseId: string;
  /** The student's today (YYYY-MM-DD). */
  today: string;
  /** The current plan's settings, when remaking it. */
  settings?: LearningPlan['settings'] | undefined;
  onGenerated: (plan: LearningPlan) => void;
  /** Shows «Отмена» (back to the current plan). */
  onCancel?: (() => void) | undefined;
}

type FieldRefs = readonly [RefObject<HTMLInputElement | null>, RefObject<HTMLButtonElement | null>, RefObject<HTMLInputElement | null>];

function focusFirst(issues: PlanIssues, [date, monday, minutes]: FieldRefs): void {
  if (issues.targetDate) date.current?.focus();
  else if (issues.studyDays) monday.current?.focus();
  else if (issues.minutesPerDay) minutes.current?.focus();
}

/** «Составить план»: by when, on which days and for how long — then `plans.generate`. */
export function PlanForm({ courseId, today, settings, onGenerated, onCancel }: PlanFormProps) {
  const t = useT();
  const id = useId();
  const dateRef = useRef<HTMLInputElement>(null);
  const mondayRef = useRef<HTMLButtonElement>(null);
  const minutesRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<PlanDraft>(() => initialDraft(today, settings));
  const [checked, setChecked] = useState(false);
  const generate = useAction(async (input: PlanSettings) => {
    onGenerated(await api.call('plans.generate', input));
  });

  const local = checked ? checkDraft(draft, courseId, today).issues : null;
  const issues: PlanIssues = { ...serverIssues(generate.error), ...local };

  // After a refusal, the student is taken to the first field to fix.
  const { error } = generate;
  useEffect(() => {
    if (error) focusFirst(serverIssues(error), [dateRef, mondayRef, minutesRef]);
  }, [error]);

  const change = (next: Partial<PlanDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    generate.clearError();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const result = checkDraft(draft, courseId, today);
    if (result.issues) {
      focusFirst(result.issues, [dateRef, mondayRef, minutesRef]);
      return;
    }
    void generate.run(result.settings);
  };

  const sentence = (issue: PlanIssue) => t(`plan.issue.${issue}`, { min: MINUTES_MIN, max: MINUTES_MAX });
  const describedBy = (field: PlanField) => [`${id}-${field}-hint`, issues[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ');
  const fieldError = (field: PlanField) => {
    const issue = issues[field];
    return issue ? (
      <p id={`${id}-${field}-error`} className="field__error" data-testid="field-error" data-field={field}>
        {sentence(issue)}
      </p>
    ) : null;
  };

  return (
    <form className="card form plan-form" onSubmit={submit} noValidate data-testid="plan-form" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="section-title plan-form__title">
          {t('plan.form.title')}
        </h2>
        <p className="page__intro">{t('plan.form.intro')}</p>
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-targetDate`}>
          {t('plan.form.targetDate')}
        </label>
        <p id={`${id}-targetDate-hint`} className="field__hint">
          {t('plan.form.targetDateHint')}
        </p>
        <input
          ref={dateRef}
          id={`${id}-targetDate`}
          name="targetDate"
          type="date"
          className="field__input plan-form__date"
          min={addDays(today, 1)}
          value={draft.targetDate}
          required
          aria-invalid={issues.targetDate ? true : undefined}
          aria-describedby={describedBy('targetDate')}
          onChange={(event) => change({ targetDate: event.target.value })}
          data-testid="plan-target-date"
        />
        {fieldError('targetDate')}
      </div>

      <div className="field">
        <span id={`${id}-studyDays-label`} className="field__label">
          {t('plan.form.studyDays')}
        </span>
        <p id={`${id}-studyDays-hint`} className="field__hint">
          {t('plan.form.studyDaysHint')}
        </p>
        <WeekdayToggles
          value={draft.studyDays}
          onToggle={(day) => change({ studyDays: toggleDay(draft.studyDays, day) })}
          labelledBy={`${id}-studyDays-label`}
          describedBy={describedBy('studyDays')}
          invalid={Boolean(issues.studyDays)}
          firstRef={mondayRef}
        />
        {fieldError('studyDays')}
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-minutesPerDay`}>
          {t('plan.form.minutes')}
        </label>
        <p id={`${id}-minutesPerDay-hint`} className="field__hint">
          {t('plan.form.minutesHint', { min: MINUTES_MIN, max: MINUTES_MAX })}
        </p>
        <input
          ref={minutesRef}
          id={`${id}-minutesPerDay`}
          name="minutesPerDay"
          type="number"
          inputMode="numeric"
          className="field__input field__input--short"
          min={MINUTES_MIN}
          max={MINUTES_MAX}
          step={5}
          value={draft.minutes}
          required
          aria-invalid={issues.minutesPerDay ? true : undefined}
          aria-describedby={describedBy('minutesPerDay')}
          onChange={(event) => change({ minutes: event.target.value })}
          data-testid="plan-minutes"
        />
        {fieldError('minutesPerDay')}
      </div>

      {generate.error && !explainedByFields(generate.error) && (
        <p className="form-error" role="alert" data-error-code={generate.error.code}>
          {t('plan.form.error')} {t(errorKey(generate.error.code))}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary button--large"
          disabled={generate.pending}
          aria-busy={generate.pending}
          data-testid="plan-generate"
        >
          {generate.pending ? t('plan.form.submitting') : t('plan.form.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={generate.pending} data-testid="plan-cancel">
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
