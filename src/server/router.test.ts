import { describe, expect, it } from 'vitest';
import { Router, type Handler } from './router';

const handler = (name: string): Handler => () => ({ status: 200, body: name });
const matched = (router: Router, method: string, path: string) => {
  const match = router.match(method, path);
  return match.kind === 'found' ? { body: (match.handler({} as never) as { body: unknown }).body, params: match.params } : match;
};

describe('Router', () => {
  it('matches exact paths and answers 405 with the allowed methods', () => {
    const router = new Router().add('GET', '/health', handler('health')).add('POST', '/health', handler('post'));
    expect(matched(router, 'get', '/health')).toEqual({ body: 'health', params: {} });
    expect(router.match('DELETE', '/health')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'POST'] });
    expect(router.match('GET', '/healthz')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/health/')).toEqual({ kind: 'not-found' });
  });

  it('hands `:name` segments to the handler, decoded', () => {
    const router = new Router().add('GET', '/api/courses/:courseId', handler('course')).add('GET', '/a/:x/b/:y', handler('two'));
    expect(matched(router, 'GET', '/api/courses/28b90e11-9d5b-5cae-b529-340b14d466f3')).toEqual({
      body: 'course',
      params: { courseId: '28b90e11-9d5b-5cae-b529-340b14d466f3' },
    });
    expect(matched(router, 'GET', '/a/%D0%B4%D1%80%D0%BE%D0%B1%D1%8C/b/2')).toEqual({ body: 'two', params: { x: 'дробь', y: '2' } });
  });

  it('matches a parameter to exactly one non-empty, well-formed segment', () => {
    const router = new Router().add('GET', '/api/courses/:courseId', handler('course'));
    expect(router.match('GET', '/api/courses/')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/api/courses')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/api/courses/a/b')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/api/courses/%E0%A4%A')).toEqual({ kind: 'not-found' });
    // An encoded slash stays inside the parameter.
    expect(matched(router, 'GET', '/api/courses/a%2Fb')).toEqual({ body: 'course', params: { courseId: 'a/b' } });
  });

  it('prefers a literal segment to a parameter, whatever the order of registration', () => {
    const router = new Router().add('POST', '/devices/:deviceId', handler('param')).add('POST', '/devices/revoke', handler('literal'));
    expect(matched(router, 'POST', '/devices/revoke')).toMatchObject({ body: 'literal' });
    expect(matched(router, 'POST', '/devices/123')).toMatchObject({ body: 'param', params: { deviceId: '123' } });
    const other = new Router().add('GET', '/a/:x/c', handler('x-c')).add('GET', '/a/b/:y', handler('b-y'));
    expect(matched(other, 'GET', '/a/b/c')).toMatchObject({ body: 'b-y' });
    // The literal route is the resource at that path: its missing methods are a 405, not the parameter route.
    expect(router.match('GET', '/devices/revoke')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
  });

  it('refuses duplicate and clashing registrations and bad parameter names', () => {
    const router = new Router().add('GET', '/api/courses/:courseId', handler('course'));
    expect(() => router.add('GET', '/api/courses/:courseId', handler('again'))).toThrow(/already registered/);
    expect(() => router.add('POST', '/api/courses/:id', handler('clash'))).toThrow(/clashes/);
    expect(() => router.add('GET', '/x/:', handler('bad'))).toThrow(/invalid parameter/);
    expect(() => router.add('GET', '/x/:a/:a', handler('bad'))).toThrow(/repeats/);
    expect(() => router.add('GET', 'x', handler('bad'))).toThrow(/must start/);
    // The same shape under the same names takes another method.
    router.add('POST', '/api/courses/:courseId', handler('post'));
    expect(matched(router, 'POST', '/api/courses/1')).toMatchObject({ body: 'post' });
  });
});
