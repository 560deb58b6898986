import type { FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, HttpError, httpErrorOfAppError, type ErrorStatus } from '../http-errors';

/** What a failed schema names, for the message. */
const PART: Record<string, string> = { body: 'request body', querystring: 'query string', params: 'path', headers: 'request headers' };

const isErrorStatus = (status: unknown): status is ErrorStatus => typeof status === 'number' && status in ERROR_CODES;

/**
 * The answer an error stands for, or null when it is not the client's to know (a 500; the caller logs
 * it). Validation issues carry the field's path and zod's message, never the value given (it may be a
 * password); Fastify's own refusals (body too large, a broken Content-Length) keep their status.
 */
export function httpErrorOf(error: unknown, request: FastifyRequest, maxBodyBytes: number): HttpError | null {
  if (error instanceof HttpError) return error;
  const appError = httpErrorOfAppError(error);
  if (appError) return appError.status === 500 ? null : appError;
  if (hasZodFastifySchemaValidationErrors(error)) {
    if (error.validationContext === 'body' && request.body === undefined) return new HttpError(400, 'A JSON request body is required.');
    return new HttpError(400, `The ${PART[error.validationContext ?? 'body'] ?? 'request'} is not valid.`, undefined, {}, {
      issues: error.validation.map((issue) => ({ path: issue.instancePath.split('/').filter(Boolean).join('.'), message: issue.message })),
    });
  }
  const fastify = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof fastify.code !== 'string' || !fastify.code.startsWith('FST_')) return null;
  if (fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpError(413, `The request body is larger than ${maxBodyBytes} bytes.`);
  const status = Number(fastify.statusCode);
  if (status === 503) return new HttpError(503, String(fastify.message));
  if (!(status >= 400 && status < 500)) return null;
  return new HttpError(isErrorStatus(status) ? status : 400, String(fastify.message));
}
