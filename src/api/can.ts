import type { User } from '../contract/auth';
import { allows, type Access } from '../contract/endpoint';

/** Whether `user` may call `endpoint`: what the UI offers follows the catalog's access rules,
 * the same ones the server enforces. Rules about which rows are theirs stay the server's. */
export function can(endpoint: { access: Access }, user: Pick<User, 'role'> | null): boolean {
  return allows(endpoint.access, user?.role ?? null);
}
