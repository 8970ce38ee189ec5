import type { Role } from '../../contract/auth';

/** Marketers read sequences only; the server refuses their changes, so the UI hides them. */
export function canChangeEnrollments(role: Role): boolean {
  return role !== 'marketer';
}
