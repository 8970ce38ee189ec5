import { z } from 'zod';
import { endpoint } from './endpoint';
import { SessionResponse, SignInRequest } from './auth';
import { HealthResponse } from './health';
import { SequenceList, SequenceListQuery } from './sequences';

/** Every operation of the API. Adding one here documents it and enrols it in the
 * permission and validation tests. */
export const api = {
  health: endpoint({
    operationId: 'getHealth',
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and the store in use',
    tag: 'system',
    access: 'public',
    status: 200,
    response: HealthResponse,
  }),
  getSession: endpoint({
    operationId: 'getSession',
    method: 'get',
    path: '/api/session',
    summary: 'The signed-in user (or null) and the CSRF token',
    tag: 'auth',
    access: 'public',
    status: 200,
    response: SessionResponse,
  }),
  signIn: endpoint({
    operationId: 'signIn',
    method: 'post',
    path: '/api/session',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: SignInRequest,
    status: 200,
    response: SessionResponse,
  }),
  signOut: endpoint({
    operationId: 'signOut',
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out and end the session',
    tag: 'auth',
    access: [],
    status: 204,
    response: null,
  }),
  listSequences: endpoint({
    operationId: 'listSequences',
    method: 'get',
    path: '/api/sequences',
    summary: 'Sequences the caller can see, with their figures',
    tag: 'sequences',
    access: [],
    query: SequenceListQuery,
    status: 200,
    response: SequenceList,
  }),
} as const;

export type Api = typeof api;
export const allEndpoints = Object.values(api);

/** Shared by list endpoints that take an opaque id in the path. */
export const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
