import type { CoreDeps, HandlerGroup } from '../handlers';

export const schoolHandlers = ({ school }: CoreDeps): HandlerGroup<'school.policy' | 'school.status'> => ({
  'school.policy': async () => school.view(),
  'school.status': async () => school.status(),
});
