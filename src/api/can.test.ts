import { describe, expect, it } from 'vitest';
import { api } from '../contract/api';
import { Role } from '../contract/auth';
import { can } from './can';

const whoCan = (endpoint: Parameters<typeof can>[0]) => Role.options.filter((role) => can(endpoint, { role }));

describe('can', () => {
  it('offers what the catalog lets each role call', () => {
    expect(whoCan(api.unenroll)).toEqual(['rep', 'manager', 'admin']);
    expect(whoCan(api.listHistory)).toEqual(['manager', 'admin']);
    expect(whoCan(api.getReviewProgress)).toEqual(['marketer', 'admin']);
    expect(whoCan(api.updateAccountIndustry)).toEqual(['admin']);
    expect(whoCan(api.listSequences)).toEqual(Role.options);
  });

  it('offers a signed-out visitor only the public endpoints', () => {
    expect(can(api.signIn, null)).toBe(true);
    expect(can(api.listSequences, null)).toBe(false);
  });
});
