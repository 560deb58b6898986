import { plainInputIssue } from '../../core/plain-input';
import { HttpError } from '../http-errors';
import type { ServerApp } from './app';

/**
 * Every request body is JSON, whatever Content-Type the client sent (or none): the body limit is
 * Fastify's (413 past it), and the body must be plain data within the limits every input has
 * (src/core/plain-input.ts: no NUL in text, at most 64 levels deep). Fastify's own JSON parser reads
 * it, so `__proto__` and `constructor.prototype` keys are refused rather than parsed.
 */
export function acceptJsonBodies(app: ServerApp): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') {
      done(new HttpError(400, 'A JSON request body is required.'), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) {
        done(new HttpError(400, 'The request body is not valid JSON.'), undefined);
        return;
      }
      const issue = plainInputIssue(value);
      if (issue) done(new HttpError(400, 'The request body is not valid.', undefined, {}, { issues: [issue] }), undefined);
      else done(null, value);
    });
  });
}
