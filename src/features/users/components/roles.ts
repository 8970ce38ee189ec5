import type { Role } from '../../../contract/auth';

/** The roles in the order the app offers them, least access first. */
export const ROLES: readonly Role[] = ['rep', 'manager', 'marketer', 'admin'];
