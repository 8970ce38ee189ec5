import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
  IdempotencyKey,
  type Enrollment,
} from '../../src/contract/enrollments';
import type { Clock } from '../deps';
import { viewerOf, type AppEnv } from '../http/context';
import { nextCursor, readCursor } from '../http/cursor';
import { badRequest } from '../http/errors';
import { asciiFileName, attachment } from '../http/attachment';
import { register } from '../http/register';
import { bulkUnenrollSelection, undoBulkUnenroll } from './bulk-service';
import { completeStep, enrollContacts, reenroll, unenrollOne } from './service';
import type { Db } from '../store/db';
import { requireSequence } from '../sequences/service';
import { countEnrollments, listEnrollments } from './store';

const EXPORT_PAGE = 2000;
const CSV_COLUMNS = [
  'Contact',
  'Email',
  'Enrolled',
  'Email problem',
  'Current step',
  'Enrolled by',
  'Enrolled at',
  'Last activity',
  'Unenroll reason',
] as const;

/** RFC 4180 field; a leading =, +, - or @ is neutralised so spreadsheets do not run it. */
function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (e: Enrollment) =>
  [
    e.contact.name,
    e.contact.email,
    e.enrollError ?? e.status,
    e.emailProblem,
    `${e.currentStep}/${e.totalSteps}`,
    e.enrolledBy.name,
    e.enrolledAt,
    e.lastActivityAt,
    e.unenrollReason,
  ]
    .map(csvField)
    .join(',');

export function enrollmentRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.listEnrollments, async ({ params, query, session }) => {
    const viewer = viewerOf(session);
    const seq = await requireSequence(db, Number(params.id), viewer);
    const { sort, dir, cursor, limit, ...filter } = query;
    const after = readCursor(cursor, sort, dir);
    const page = await listEnrollments(db, seq.id, filter, viewer, { field: sort, dir }, limit, after);
    return {
      items: page.items,
      nextCursor: nextCursor(sort, dir, page),
    };
  });

  register(app, api.countEnrollments, async ({ params, query, session }) => {
    const viewer = viewerOf(session);
    const seq = await requireSequence(db, Number(params.id), viewer);
    return { total: await countEnrollments(db, seq.id, query, viewer) };
  });

  register(app, api.exportEnrollments, async ({ c, params, query, session }) => {
    const viewer = viewerOf(session);
    const seq = await requireSequence(db, Number(params.id), viewer);
    const { sort, dir, ...filter } = query;
    const encoder = new TextEncoder();
    let after: [string | number, number] | null = null;
    let started = false;
    // Pulled page by page, so memory stays flat however many rows match.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`));
        }
        const page = await listEnrollments(db, seq.id, filter, viewer, { field: sort, dir }, EXPORT_PAGE, after);
        if (page.items.length) controller.enqueue(encoder.encode(page.items.map(csvRow).join('\r\n') + '\r\n'));
        if (!page.hasMore || !page.last) controller.close();
        else after = page.last;
      },
    });
    // The sequence's name in any script (łódź-…, 東京-…), and in ASCII for old clients.
    const base = seq.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'sequence';
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`${base}-enrollments.csv`, `${asciiFileName(base, 'sequence')}-enrollments.csv`),
    });
  });

  register(app, api.enrollContacts, ({ params, body, session }) =>
    enrollContacts(db, session, Number(params.id), body, clock.now()),
  );

  register(app, api.unenroll, ({ params, session }) => unenrollOne(db, session, Number(params.id), clock.now()));

  register(app, api.reenroll, ({ params, body, session }) =>
    reenroll(db, session, Number(params.id), body.step, clock.now()),
  );

  register(app, api.bulkUnenroll, async ({ c, body, session }) => {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) {
      const message = header === undefined ? `Send an ${IDEMPOTENCY_KEY_HEADER} header (a new UUID per action).` : key.error.issues[0]?.message ?? 'Invalid key.';
      throw badRequest(`Invalid header: ${IDEMPOTENCY_KEY_HEADER}.`, [{ path: `header.${IDEMPOTENCY_KEY_HEADER}`, message }]);
    }
    const { result, replayed } = await bulkUnenrollSelection(db, session, body, key.data, clock.now());
    if (replayed) c.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return result;
  });

  register(app, api.undoUnenroll, ({ params, session }) => undoBulkUnenroll(db, session, Number(params.id), clock.now()));

  register(app, api.completeStep, ({ params, body, session }) =>
    completeStep(db, session, Number(params.id), body.step, clock.now()),
  );
}
