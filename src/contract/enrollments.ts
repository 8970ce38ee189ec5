import { z } from 'zod';
import { EmailProblem, EnrollErrorCode, EnrollmentStatus, UnenrollReason } from './codes';
import { NUMERIC_ID } from './common';
import { SortDirection } from './sequences';

export const ErrorFilter = z.union([EnrollErrorCode, EmailProblem]);
export type ErrorFilter = z.infer<typeof ErrorFilter>;

export const EnrollmentSortField = z.enum(['enrolledAt', 'contact', 'status', 'step', 'lastActivity']);
export type EnrollmentSortField = z.infer<typeof EnrollmentSortField>;

const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD (inclusive)');

const filterFields = {
  status: EnrollmentStatus.optional(),
  error: ErrorFilter.optional(),
  enrolledBy: z.string().regex(NUMERIC_ID, 'Expected a user id').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Search in contact name and email'),
};
const datesInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const datesMessage = { message: '"from" must not be after "to"', path: ['from'] };

/** The filters of the Enrollments tab. The same object selects rows for a bulk action. */
export const EnrollmentFilter = z.object(filterFields).strict().refine(datesInOrder, datesMessage);
export type EnrollmentFilter = z.infer<typeof EnrollmentFilter>;

export const EnrollmentListQuery = z
  .object({
    ...filterFields,
    sort: EnrollmentSortField.default('enrolledAt'),
    dir: SortDirection.default('desc'),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type EnrollmentListQuery = z.infer<typeof EnrollmentListQuery>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const Enrollment = z
  .object({
    id: z.string(),
    sequenceId: z.string(),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    status: EnrollmentStatus,
    enrollError: EnrollErrorCode.nullable(),
    emailProblem: EmailProblem.nullable(),
    currentStep: z.number().int(),
    totalSteps: z.number().int(),
    enrolledBy: Ref,
    enrolledAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime().nullable(),
    nextStepAt: z.iso.datetime().nullable(),
    unenrollReason: UnenrollReason.nullable(),
    unenrolledBy: Ref.nullable(),
    unenrolledAt: z.iso.datetime().nullable(),
    relatedSequence: Ref.nullable().describe('The other sequence, for ALREADY_ENROLLED'),
    inbox: z.object({ id: z.string(), address: z.string(), connected: z.boolean() }).nullable(),
    reenrollStep: z.number().int().nullable().describe('Where a re-enroll would restart, when the problem allows one'),
  })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof Enrollment>;

export const EnrollmentPage = z
  .object({
    items: z.array(Enrollment),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'EnrollmentPage' });
export type EnrollmentPage = z.infer<typeof EnrollmentPage>;

export const EnrollmentCount = z.object({ total: z.number().int().nonnegative() }).meta({ id: 'EnrollmentCount' });

export const ReenrollRequest = z.object({ step: z.number().int().min(1).max(100) }).strict().meta({ id: 'ReenrollRequest' });

export const EnrollRequest = z
  .object({
    contactIds: z.array(z.string().regex(NUMERIC_ID)).min(1).max(500),
    step: z.number().int().min(1).max(100),
    inboxId: z.string().regex(NUMERIC_ID),
  })
  .strict()
  .meta({ id: 'EnrollRequest' });
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResult = z
  .object({
    results: z.array(
      z.object({
        contactId: z.string(),
        outcome: z.enum(['enrolled', 'refused']),
        code: EnrollErrorCode.nullable(),
        enrollmentId: z.string().nullable(),
        relatedSequence: Ref.nullable(),
      }),
    ),
  })
  .meta({ id: 'EnrollResult' });
export type EnrollResult = z.infer<typeof EnrollResult>;

export const EnrollmentExportQuery = z
  .object({
    ...filterFields,
    sort: EnrollmentSortField.default('enrolledAt'),
    dir: SortDirection.default('desc'),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type EnrollmentExportQuery = z.infer<typeof EnrollmentExportQuery>;
