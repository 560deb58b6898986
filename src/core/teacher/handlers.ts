import type { CoreDeps, HandlerGroup } from '../handlers';
import { studentsProgress } from './students-progress';

export const teacherHandlers = ({ db }: CoreDeps): HandlerGroup<'teacher.studentsProgress'> => ({
  'teacher.studentsProgress': async () => studentsProgress(db),
});
