import type { ExamTask } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { masteryKey, masterySymbol } from './exam-view';

interface TaskGridProps {
  tasks: readonly ExamTask[];
  selected: number | null;
  /** The id of the element that shows the chosen task's lessons. */
  controls: string;
  onSelect: (taskNumber: number) => void;
}

/** The exam's task numbers as small squares, coloured (and marked with a sign) by mastery. */
export function TaskGrid({ tasks, selected, controls, onSelect }: TaskGridProps) {
  const t = useT();
  return (
    <ul className="task-grid" aria-label={t('exams.tasks')}>
      {tasks.map((task) => {
        const label = t('exams.taskState', { number: task.taskNumber, mastery: t(masteryKey(task.mastery)) });
        return (
          <li key={task.taskNumber}>
            <button
              type="button"
              className={`task-square task-square--${task.mastery}`}
              title={label}
              aria-label={label}
              aria-pressed={selected === task.taskNumber}
              aria-controls={controls}
              onClick={() => onSelect(task.taskNumber)}
              data-testid="exam-task"
              data-task-number={task.taskNumber}
              data-mastery={task.mastery}
            >
              <span className="task-square__number">{task.taskNumber}</span>
              <span className="task-square__symbol" aria-hidden="true">
                {masterySymbol(task.mastery)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
