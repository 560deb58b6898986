import type { onRequestAsyncHookHandler } from 'fastify';
import { claimsOf, type StudentDeps } from './auth/authenticate';

/**
 * The hook of a route that acts for a student: the access token is checked before anything else of the
 * request is looked at, so an anonymous client gets 401 and never makes the server read, parse or
 * validate a body. (The handler's own `asStudent` then checks the device and opens the student's transaction.)
 */
export const authenticated =
  (deps: Pick<StudentDeps, 'tokenSecret' | 'now'>): onRequestAsyncHookHandler =>
  async (request) => {
    await claimsOf(request, deps);
  };
