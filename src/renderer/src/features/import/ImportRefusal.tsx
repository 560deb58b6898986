import { PACK_MAX_CHARS } from '../../../../shared/contract/content';
import { errorKey, useT, type Translate } from '../../i18n';
import type { Stage } from './ImportPackSection';
import { placeOf } from './pack-path';
import { refusalOf, type PackRefusal } from './pack-refusal';

type Failed = Extract<Stage, { kind: 'tooLarge' | 'unreadable' | 'refused' }>;

/** «урок 3, упражнение 1» */
const where = (t: Translate, path: string) =>
  placeOf(path)
    .map((step) => t(step.key, step.n === undefined ? {} : { n: step.n }))
    .join(', ');

function sentence(t: Translate, file: string, refusal: PackRefusal): string {
  switch (refusal.kind) {
    case 'notJson':
      return t('import.notJson', { file });
    case 'notAPack':
      return t('import.notAPack', { file });
    case 'tooLarge':
      return t('import.tooLarge', { file, max: PACK_MAX_CHARS });
    case 'invalid':
      return refusal.more
        ? t('import.invalidMany', { file, count: refusal.count, where: where(t, refusal.firstPath) })
        : t('import.invalid', { file, count: refusal.count, where: where(t, refusal.firstPath) });
    case 'blocked':
      return t(`import.blocked.${refusal.block}`);
    case 'changed':
      return t('import.changed');
    case 'other':
      return `${t('import.error')} ${t(errorKey(refusal.error.code))}`;
  }
}

/** One short sentence in the user's language on why the file was not taken — never the core's English. */
export function ImportRefusal({ id, stage }: { id: string; stage: Failed }) {
  const t = useT();
  const refusal: PackRefusal | null = stage.kind === 'refused' ? refusalOf(stage.error) : null;
  const reason = refusal?.kind ?? stage.kind;
  const text =
    stage.kind === 'unreadable'
      ? t('import.readError', { file: stage.file })
      : sentence(t, stage.file, refusal ?? { kind: 'tooLarge' });
  return (
    <p id={id} className="form-error" role="alert" data-testid="import-pack-error" data-reason={reason}>
      {text}
    </p>
  );
}
