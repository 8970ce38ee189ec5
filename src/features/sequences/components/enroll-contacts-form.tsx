import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessageKey } from '../../../api/error-message-key';
import type { ContactSummary } from '../../../contract/contacts';
import type { SequenceDetail } from '../../../contract/sequences';
import { formatInteger } from '../../../i18n/format';
import { INBOX_SETTINGS_PATH } from '../../../ui/flag-code';
import { SelectField } from '../../../ui/select-field';
import { enrollContactsMutation, inboxesQuery } from '../api/enroll-contacts';
import { ContactPicker } from './contact-picker';
import { EnrollResults } from './enroll-results';

interface EnrollContactsFormProps {
  sequence: SequenceDetail;
  onClose: () => void;
}

/** Pick contacts, the start step and the sending inbox; then each contact's outcome. */
export function EnrollContactsForm({ sequence, onClose }: EnrollContactsFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ids = { inbox: useId(), problem: useId() };
  const searchRef = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<ReadonlyMap<string, ContactSummary>>(new Map());
  const [step, setStep] = useState(1);
  const [inboxChoice, setInboxChoice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inboxes = useQuery(inboxesQuery());
  // The dialog shows a failure itself.
  const enroll = useMutation({ ...enrollContactsMutation(queryClient, sequence.id), meta: { errorToast: false } });

  // Start where the work starts: finding contacts.
  useEffect(() => searchRef.current?.focus(), []);

  if (enroll.isSuccess) {
    return (
      <EnrollResults
        results={enroll.data.results}
        contacts={picked}
        onEnrollMore={() => {
          enroll.reset();
          setPicked(new Map());
        }}
        onClose={onClose}
      />
    );
  }

  const connected = inboxes.data?.items.filter((inbox) => inbox.connected) ?? [];
  const inboxId = inboxChoice ?? connected[0]?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (enroll.isPending) return;
    if (picked.size === 0) {
      setProblem(t('enroll.pickOne'));
      searchRef.current?.focus();
      return;
    }
    if (!inboxId) {
      setProblem(t('enroll.noInbox'));
      return;
    }
    setProblem(null);
    enroll.mutate({ contactIds: [...picked.keys()], step, inboxId });
  };

  let inboxField;
  if (inboxes.isPending) {
    inboxField = <p className="text-muted">{t('enroll.inboxesLoading')}</p>;
  } else if (inboxes.isError) {
    inboxField = (
      <p className="alert alert--error" role="alert">
        {t('enroll.inboxesFailed')}{' '}
        <button type="button" className="button button--small" onClick={() => void inboxes.refetch()}>
          {t('common.tryAgain')}
        </button>
      </p>
    );
  } else if (connected.length === 0) {
    inboxField = (
      <p className="alert alert--error">
        {t('enroll.noInbox')} <Link to={INBOX_SETTINGS_PATH}>{t('flags.remedy.reconnect')}</Link>
      </p>
    );
  } else {
    inboxField = (
      <select id={ids.inbox} className="select" value={inboxId ?? ''} onChange={(e) => setInboxChoice(e.target.value)}>
        {inboxes.data.items.map((inbox) => (
          <option key={inbox.id} value={inbox.id} disabled={!inbox.connected}>
            {inbox.connected ? inbox.address : t('enroll.inboxDisconnected', { address: inbox.address })}
          </option>
        ))}
      </select>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div>
        <Heading slot="title" className="dialog__title">
          {t('enroll.title')}
        </Heading>
        <p className="dialog__subtitle">{t('enroll.into', { name: sequence.name })}</p>
      </div>
      <ContactPicker
        picked={picked}
        onChange={(next) => {
          setPicked(next);
          if (next.size > 0) setProblem(null);
        }}
        searchRef={searchRef}
        describedBy={problem ? ids.problem : undefined}
      />
      <div className="form__row">
        <SelectField label={t('enroll.step')} value={String(step)} onChange={(value) => setStep(Number(value))}>
          {sequence.steps.map((s) => (
            <option key={s.position} value={s.position}>
              {t('enroll.stepOption', {
                position: formatInteger(s.position),
                type: t(`summary.stepTypes.${s.type}`),
              })}
            </option>
          ))}
        </SelectField>
        <div className="field">
          {inboxes.isSuccess && connected.length > 0 ? (
            <label htmlFor={ids.inbox} className="field__label">
              {t('enroll.inbox')}
            </label>
          ) : (
            <span className="field__label">{t('enroll.inbox')}</span>
          )}
          {inboxField}
        </div>
      </div>
      <p className="text-muted form__note">{t('enroll.asYourself')}</p>
      {problem ? (
        <p id={ids.problem} className="alert alert--error" role="alert">
          {problem}
        </p>
      ) : null}
      {enroll.isError ? (
        <p className="alert alert--error" role="alert">
          {t('enroll.failed')} {t(errorMessageKey(enroll.error))}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Button className="button" onPress={onClose} isDisabled={enroll.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" className="button button--primary" isDisabled={enroll.isPending}>
          {enroll.isPending
            ? t('enroll.submitting')
            : picked.size === 0
              ? t('enroll.open')
              : t('enroll.submit', { count: picked.size })}
        </Button>
      </div>
    </form>
  );
}
