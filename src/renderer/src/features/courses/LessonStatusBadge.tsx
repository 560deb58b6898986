import type { LessonStatus } from '../../../../shared/domain';
import { lessonStatusKey, useT } from '../../i18n';

export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const t = useT();
  return <span className={`badge badge--${status.replace('_', '-')}`}>{t(lessonStatusKey(status))}</span>;
}
