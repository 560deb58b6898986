import type { CoreDeps, HandlerGroup } from '../handlers';

export const diagnosticsHandlers = ({ diagnostics }: CoreDeps): HandlerGroup<'diagnostics.export'> => ({
  'diagnostics.export': () => diagnostics.export(),
});
