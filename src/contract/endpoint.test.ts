import { describe, expect, it } from 'vitest';
import { api } from './api';
import { Role } from './auth';
import { allows } from './endpoint';
import { routes } from './routes';

describe('the route table', () => {
  it('is where every endpoint of the catalog takes its route from, and has no other', () => {
    expect(Object.keys(routes)).toEqual(Object.keys(api));
    for (const [key, route] of Object.entries(routes)) expect(api[key as keyof typeof api], key).toMatchObject(route);
  });

  it('tells a bodiless answer from its route alone (204, or a non-JSON body)', () => {
    for (const e of Object.values(api)) expect(e.response === null, e.operationId).toBe(e.status === 204 || !!e.produces);
  });

  it('names each operation once', () => {
    const ids = Object.values(routes).map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('allows', () => {
  it('lets anyone, signed in or not, call a public endpoint', () => {
    expect(allows('public', null)).toBe(true);
    for (const role of Role.options) expect(allows('public', role)).toBe(true);
  });

  it('lets no session call an integration endpoint', () => {
    expect(allows('integration', null)).toBe(false);
    for (const role of Role.options) expect(allows('integration', role)).toBe(false);
  });

  it('lets every signed-in role, and only them, call an endpoint with an empty list', () => {
    expect(allows([], null)).toBe(false);
    for (const role of Role.options) expect(allows([], role)).toBe(true);
  });

  it('lets only the listed roles call an endpoint with a list', () => {
    const access = ['marketer', 'admin'] as const;
    expect(Role.options.filter((role) => allows(access, role))).toEqual(['marketer', 'admin']);
    expect(allows(access, null)).toBe(false);
  });
});
