import type { Enrollment } from '../contract/enrollments';
import { EnrollmentFlag } from './enrollment-flag';
import { EnrollmentStatusBadge } from './enrollment-status-badge';

/** The Enrolled column: the enrollment error as a flag that explains itself, else the status. */
export function EnrolledState({ enrollment: e }: { enrollment: Pick<Enrollment, 'status' | 'enrollError' | 'relatedSequence'> }) {
  return e.enrollError ? (
    <EnrollmentFlag code={e.enrollError} relatedSequence={e.relatedSequence} />
  ) : (
    <EnrollmentStatusBadge status={e.status} />
  );
}
