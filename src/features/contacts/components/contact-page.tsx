import './contact-page.css';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useParams } from 'react-router';
import { can } from '../../../api/can';
import { errorMessageKey } from '../../../api/error-message-key';
import { api } from '../../../api/endpoints';
import type { User } from '../../../contract/auth';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Spinner } from '../../../ui/spinner';
import { contactQuery } from '../api/get-contact';
import { ContactEnrollments } from './contact-enrollments';
import { ContactNotSent } from './contact-not-sent';

/** What the route hands the page: the signed-in user, whose role decides what it offers. */
export interface ContactPageData {
  user: User;
}

/** A contact's record: who they are, and every sequence they were enrolled in. */
export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useLoaderData<ContactPageData>();
  const enrollmentsTitle = useId();
  // The route loader has fetched it; if that failed, show the error here, with a retry.
  const query = useQuery({ ...contactQuery(id), retryOnMount: false });

  const backLink = (
    <Link to="/sequences" className="back-link">
      <span aria-hidden="true">← </span>
      {t('contact.back')}
    </Link>
  );

  if (query.isPending || (query.isError && query.isFetching)) {
    return <Spinner label={t('contact.loading')} className="loading--block" />;
  }
  if (query.isError) {
    return (
      <>
        <div className="page-header__eyebrow">{backLink}</div>
        <ErrorState
          headingLevel={1}
          title={t('contact.loadFailed')}
          message={t(errorMessageKey(query.error))}
          retryLabel={t('common.tryAgain')}
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }

  const contact = query.data;
  return (
    <>
      <PageHeader title={contact.name} eyebrow={backLink} />
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('contact.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('contact.company')}</dt>
          <dd>{contact.company ?? <span className="text-muted">{t('contact.none')}</span>}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('contact.owner')}</dt>
          <dd>{contact.owner?.name ?? <span className="text-muted">{t('contact.none')}</span>}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby={enrollmentsTitle}>
        <h2 id={enrollmentsTitle} className="section__title">
          {t('contact.enrollments')}
        </h2>
        {contact.enrollments.length > 0 ? (
          <ContactEnrollments contact={contact} canChange={can(api.unenroll, user)} />
        ) : (
          <EmptyState title={t('contact.noEnrollmentsTitle')}>
            <p>{t(contact.onlyOwnEnrollments ? 'contact.noEnrollmentsRep' : 'contact.noEnrollmentsBody')}</p>
          </EmptyState>
        )}
      </section>
      <ContactNotSent contactId={contact.id} />
    </>
  );
}
