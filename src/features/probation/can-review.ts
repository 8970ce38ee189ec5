import type { Role } from '../../contract/auth';

/** Marketers and admins review contacts and send marketing email; the server enforces it. */
export const canReview = (role: Role) => role === 'marketer' || role === 'admin';
