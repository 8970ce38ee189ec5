import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../contract/contacts';
import { CloseIcon } from '../../../ui/close-icon';
import { SearchField } from '../../../ui/search-field';
import { contactSearchQuery } from '../api/enroll-contacts';

interface ContactPickerProps {
  picked: ReadonlyMap<string, ContactSummary>;
  onChange: (picked: ReadonlyMap<string, ContactSummary>) => void;
  searchRef: Ref<HTMLInputElement>;
  /** An error about the choice (none picked). */
  describedBy?: string;
}

/** Search contacts by name or email and tick the ones to enroll; picks survive new searches. */
export function ContactPicker({ picked, onChange, searchRef, describedBy }: ContactPickerProps) {
  const { t } = useTranslation();
  const resultsId = useId();
  const pickedId = useId();
  const [q, setQ] = useState('');
  const results = useQuery({ ...contactSearchQuery(q), placeholderData: keepPreviousData });

  const toggle = (contact: ContactSummary, on: boolean) => {
    const next = new Map(picked);
    if (on) next.set(contact.id, contact);
    else next.delete(contact.id);
    onChange(next);
  };

  let list;
  if (results.isPending) {
    list = <p className="text-muted contact-picker__message">{t('enroll.searching')}</p>;
  } else if (results.isError) {
    list = (
      <p className="alert alert--error contact-picker__message" role="alert">
        {t('enroll.searchFailed')}{' '}
        <button type="button" className="button button--small" onClick={() => void results.refetch()}>
          {t('common.tryAgain')}
        </button>
      </p>
    );
  } else if (results.data.items.length === 0) {
    list = <p className="text-muted contact-picker__message">{t('enroll.noContacts', { query: q })}</p>;
  } else {
    list = (
      <ul className="contact-picker__list" aria-busy={results.isPlaceholderData || undefined}>
        {results.data.items.map((contact) => (
          <li key={contact.id}>
            <label className="contact-option">
              <input
                type="checkbox"
                checked={picked.has(contact.id)}
                onChange={(e) => toggle(contact, e.target.checked)}
              />
              <span className="contact-option__text">
                <span className="contact-option__name">{contact.name}</span>
                <span className="contact-option__detail">
                  {contact.email}
                  {contact.company ? ` · ${contact.company}` : ''}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="contact-picker">
      <SearchField
        label={t('enroll.search')}
        placeholder={t('enroll.searchPlaceholder')}
        value={q}
        onSearch={setQ}
        inputRef={searchRef}
      />
      <div className="contact-picker__results" role="group" aria-labelledby={resultsId} aria-describedby={describedBy}>
        <p id={resultsId} className="visually-hidden">
          {t('enroll.results')}
        </p>
        {list}
      </div>
      <div className="contact-picker__picked">
        <p id={pickedId} className="field__label" role="status">
          {t('enroll.pickedCount', { count: picked.size })}
        </p>
        {picked.size > 0 ? (
          <ul className="chips" aria-labelledby={pickedId}>
            {[...picked.values()].map((contact) => (
              <li key={contact.id} className="chip">
                <span>{contact.name}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('enroll.remove', { name: contact.name })}
                  onClick={() => toggle(contact, false)}
                >
                  <CloseIcon />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
