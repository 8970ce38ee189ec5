import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading } from 'react-aria-components';
import { isApiError } from '../../../api/client';
import { REVIEW_STEPS, type ContactProblem } from '../../../contract/probation';
import { formatDate, formatInteger } from '../../../i18n/format';
import { ErrorState } from '../../../ui/error-state';
import { Spinner } from '../../../ui/spinner';
import { useCompleteReview } from '../api/complete-review';
import { reviewProgressQuery } from '../api/get-review-progress';
import { useSaveReviewProgress } from '../api/save-review-progress';
import { probationErrorText } from '../error-text';
import { ReviewConfirmStep } from './review-confirm-step';
import { ReviewContactsStep } from './review-contacts-step';
import { ReviewTextStep } from './review-text-step';

interface ReviewWizardProps {
  /** Called once the review is completed on the server. */
  onCompleted: () => void;
}

/**
 * The contact review, in the right-hand sheet: five steps moved through with Back and Next.
 * The step and the filter are saved on the server before the wizard moves on, so a reload,
 * a sign-out or another browser picks up at the same step; a failed save keeps everything
 * on screen and offers a retry.
 */
export function ReviewWizard({ onCompleted }: ReviewWizardProps) {
  const { t } = useTranslation();
  const progress = useQuery(reviewProgressQuery());
  const save = useSaveReviewProgress();
  const complete = useCompleteReview();
  const [confirmed, setConfirmed] = useState(false);
  // The filter chosen here, until the server has it; then the saved one.
  const [problem, setProblem] = useState<ContactProblem | null | undefined>(undefined);
  const stepTitleRef = useRef<HTMLHeadingElement>(null);

  const step = progress.data?.step ?? 1;
  const currentProblem = problem === undefined ? (progress.data?.problem ?? null) : problem;

  // A new step is announced by moving the focus to its title (not on opening: the dialog
  // takes the focus then).
  const shownStep = useRef<number | null>(null);
  useEffect(() => {
    if (!progress.data) return;
    if (shownStep.current !== null && shownStep.current !== step) stepTitleRef.current?.focus();
    shownStep.current = step;
  }, [step, progress.data]);

  const goTo = (to: number) => {
    if (save.isPending) return;
    save.mutate({ step: to, problem: currentProblem });
  };

  let body;
  if (progress.isPending) {
    body = <Spinner label={t('probation.wizard.loading')} className="loading--block" />;
  } else if (progress.isError) {
    body = (
      <ErrorState
        title={t('probation.wizard.loadFailed')}
        message={probationErrorText(progress.error, t)}
        retryLabel={t('probation.wizard.retry')}
        onRetry={() => void progress.refetch()}
      />
    );
  } else {
    body = (
      <>
        <h3 ref={stepTitleRef} tabIndex={-1} className="sheet__step-title">
          {t(`probation.wizard.step${step as 1 | 2 | 3 | 4 | 5}.title`)}
        </h3>
        {step <= 3 ? (
          <ReviewTextStep step={step as 1 | 2 | 3} />
        ) : step === 4 ? (
          <ReviewContactsStep
            problem={currentProblem}
            removedCount={progress.data.removedCount}
            onProblemChange={(next) => {
              setProblem(next);
              if (!save.isPending) save.mutate({ step: 4, problem: next });
            }}
          />
        ) : (
          <ReviewConfirmStep confirmed={confirmed} onConfirmedChange={setConfirmed} />
        )}
        {progress.data.updatedBy && progress.data.updatedAt ? (
          <p className="sheet__saved text-muted">
            {t('probation.wizard.savedBy', { name: progress.data.updatedBy.name, date: formatDate(progress.data.updatedAt, { withTime: true }) })}
          </p>
        ) : null}
      </>
    );
  }

  return (
    <Dialog className="sheet__dialog">
      <div className="sheet__header">
        <div>
          <Heading slot="title" className="sheet__title">
            {t('probation.wizard.title')}
          </Heading>
          <p className="sheet__progress">
            {t('probation.wizard.stepOf', { step: formatInteger(step), total: formatInteger(REVIEW_STEPS) })}
          </p>
          <progress className="sheet__bar" max={REVIEW_STEPS} value={step} aria-hidden="true" />
        </div>
        <Button slot="close" className="button button--quiet button--small">
          {t('probation.wizard.close')}
        </Button>
      </div>
      <div className="sheet__body">{body}</div>
      {save.isError ? (
        <div className="alert alert--error sheet__alert" role="alert">
          <p>{isApiError(save.error) && save.error.status === 409 ? probationErrorText(save.error, t) : t('probation.wizard.saveFailed')}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              if (save.variables) save.mutate(save.variables);
            }}
          >
            {t('probation.wizard.retry')}
          </button>
        </div>
      ) : null}
      {complete.isError ? (
        <div className="alert alert--error sheet__alert" role="alert">
          <p>
            {t('probation.wizard.completeFailed')} {probationErrorText(complete.error, t)}
          </p>
        </div>
      ) : null}
      {progress.isSuccess ? (
        <div className="sheet__footer">
          {step > 1 ? (
            <Button className="button" onPress={() => goTo(step - 1)} isDisabled={complete.isPending}>
              {t('probation.wizard.back')}
            </Button>
          ) : null}
          {step < REVIEW_STEPS ? (
            // Not isPending: its announcement outlives the button and points at nothing.
            <Button className="button button--primary" onPress={() => goTo(step + 1)} isDisabled={save.isPending}>
              {save.isPending ? t('probation.wizard.saving') : t('probation.wizard.next')}
            </Button>
          ) : (
            <Button
              className="button button--primary"
              isDisabled={!confirmed || complete.isPending}
              onPress={() => complete.mutate(confirmed, { onSuccess: onCompleted })}
            >
              {complete.isPending ? t('probation.wizard.completing') : t('probation.wizard.done')}
            </Button>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}
