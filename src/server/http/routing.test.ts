import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from './app';
import { testApp } from './test-app';

const apps: ServerApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** An app whose every route answers its own name and the parameters it was given. */
function appWith(routes: [method: 'GET' | 'POST', path: string, name: string][]) {
  const { app } = testApp((a) => {
    for (const [method, path, name] of routes) a.route({ method, url: path, handler: async (req) => ({ name, params: req.params }) });
  });
  apps.push(app);
  const call = async (method: string, url: string) => {
    const response = await app.inject({ method: method as 'GET', url });
    return { status: response.statusCode, body: response.body ? response.json() : undefined, allow: response.headers.allow };
  };
  const matched = async (method: string, url: string) => {
    const answer = await call(method, url);
    return answer.status === 200 ? answer.body : { status: answer.status, code: answer.body?.error.code, allow: answer.allow };
  };
  return { app, call, matched };
}

describe('routing', () => {
  it('matches exact paths and answers 405 with the allowed methods', async () => {
    const { matched } = appWith([['GET', '/health', 'health'], ['POST', '/health', 'post']]);
    expect(await matched('GET', '/health')).toEqual({ name: 'health', params: {} });
    expect(await matched('DELETE', '/health')).toEqual({ status: 405, code: 'method_not_allowed', allow: 'GET, POST' });
    // A HEAD answer has no body: its status and Allow say it.
    expect(await matched('HEAD', '/health')).toEqual({ status: 405, code: undefined, allow: 'GET, POST' });
    expect(await matched('GET', '/healthz')).toEqual({ status: 404, code: 'not_found', allow: undefined });
    expect(await matched('GET', '/health/')).toEqual({ status: 404, code: 'not_found', allow: undefined });
  });

  it('hands `:name` segments to the handler, decoded', async () => {
    const { matched } = appWith([['GET', '/api/courses/:courseId', 'course'], ['GET', '/a/:x/b/:y', 'two']]);
    expect(await matched('GET', '/api/courses/28b90e11-9d5b-5cae-b529-340b14d466f3')).toEqual({
      name: 'course',
      params: { courseId: '28b90e11-9d5b-5cae-b529-340b14d466f3' },
    });
    expect(await matched('GET', '/a/%D0%B4%D1%80%D0%BE%D0%B1%D1%8C/b/2')).toEqual({ name: 'two', params: { x: 'дробь', y: '2' } });
  });

  it('matches a parameter to exactly one non-empty, well-formed segment', async () => {
    const { matched } = appWith([['GET', '/api/courses/:courseId', 'course']]);
    expect(await matched('GET', '/api/courses/')).toMatchObject({ status: 404, code: 'not_found' });
    expect(await matched('GET', '/api/courses')).toMatchObject({ status: 404 });
    expect(await matched('GET', '/api/courses/a/b')).toMatchObject({ status: 404 });
    expect(await matched('GET', '/api/courses/%E0%A4%A')).toMatchObject({ status: 404, code: 'not_found' });
    // An encoded slash stays inside the parameter.
    expect(await matched('GET', '/api/courses/a%2Fb')).toEqual({ name: 'course', params: { courseId: 'a/b' } });
  });

  it('prefers a literal segment to a parameter, whatever the order of registration', async () => {
    const { matched } = appWith([['POST', '/devices/:deviceId', 'param'], ['POST', '/devices/revoke', 'literal']]);
    expect(await matched('POST', '/devices/revoke')).toMatchObject({ name: 'literal' });
    expect(await matched('POST', '/devices/123')).toMatchObject({ name: 'param', params: { deviceId: '123' } });
    const other = appWith([['GET', '/a/:x/c', 'x-c'], ['GET', '/a/b/:y', 'b-y']]);
    expect(await other.matched('GET', '/a/b/c')).toMatchObject({ name: 'b-y' });
    // Another method on the literal path is a 405 for the methods any route there has.
    expect(await matched('GET', '/devices/revoke')).toEqual({ status: 405, code: 'method_not_allowed', allow: 'POST' });
  });

  it('refuses a duplicate registration', async () => {
    const { app } = appWith([['GET', '/api/courses/:courseId', 'course']]);
    expect(() => app.get('/api/courses/:courseId', async () => ({}))).toThrow(/already declared/);
  });

  it('answers every reply in JSON, never cached or sniffed', async () => {
    const { app } = appWith([['GET', '/health', 'health']]);
    for (const url of ['/health', '/nowhere']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    }
  });
});
