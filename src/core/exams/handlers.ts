import type { CoreDeps, HandlerGroup } from '../handlers';
import { examOverview } from './exam-preparation';

export const examsHandlers = ({ db, session }: CoreDeps): HandlerGroup<'exams.overview'> => ({
  'exams.overview': async () => examOverview(db, session.requireUserId()),
});
