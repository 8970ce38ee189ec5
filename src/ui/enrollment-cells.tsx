import type { ReactNode } from 'react';
import type { Enrollment } from '../contract/enrollments';
import { formatDate } from '../i18n/format';
import { EnrolledState } from './enrolled-state';
import { EnrollmentFlag } from './enrollment-flag';
import { EnrollmentStep } from './enrollment-step';

interface EnrollmentCellsProps {
  enrollment: Enrollment;
  /** What the Email cell says when there is no email problem to flag. */
  emailState: ReactNode;
  /** Re-enrolls from the email problem's flag; absent when the user may not change enrollments. */
  onReenroll?: (step: number) => Promise<unknown>;
}

/**
 * An enrollment row's cells from Enrolled to Enrolled at: its status (or enrollment error), its
 * email problem as a flag that can re-enroll, its step, who enrolled it and when. A sequence's
 * enrollments and a contact's show them alike.
 */
export function EnrollmentCells({ enrollment: e, emailState, onReenroll }: EnrollmentCellsProps) {
  return (
    <>
      <td>
        <EnrolledState enrollment={e} />
      </td>
      <td>
        {e.emailProblem ? (
          <EnrollmentFlag code={e.emailProblem} reenrollStep={e.reenrollStep} inbox={e.inbox} onReenroll={onReenroll} />
        ) : (
          emailState
        )}
      </td>
      <td className="cell--nowrap">
        <EnrollmentStep enrollment={e} />
      </td>
      <td>{e.enrolledBy.name}</td>
      <td className="cell--nowrap">
        <time dateTime={e.enrolledAt}>{formatDate(e.enrolledAt)}</time>
      </td>
    </>
  );
}
