import { describe, expect, it } from 'vitest';
import { Role } from './auth';
import { allows } from './endpoint';

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
