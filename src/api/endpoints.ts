import type { Api } from '../contract/api';
import { routes } from '../contract/routes';
import type { ClientEndpoint } from './client';

/**
 * The API's operations as the app calls them: `request(api.getSession)`. At run time each is
 * only its route (path, method, access, status), so the schema library is not downloaded with
 * the app; its type carries the catalog's request and response shapes, so calls stay checked.
 */
export const api = routes as { readonly [K in keyof Api]: (typeof routes)[K] & ClientEndpoint<Api[K]> };
