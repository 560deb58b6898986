import type { TeacherBridge } from '../../../shared/seam';

/**
 * How the api client reaches the core: the Electron preload's bridge or HTTP in browser mode.
 * `invoke` may reject only when the core cannot be reached at all; every answer of the core,
 * failures included, arrives as an InvokeResult.
 */
export type Transport = TeacherBridge;
