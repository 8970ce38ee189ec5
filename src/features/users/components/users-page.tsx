import './users.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteLoaderData } from 'react-router';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { User } from '../../../contract/auth';
import type { Invite, ManagedUser } from '../../../contract/users';
import { canBeInvited, isLastActiveAdmin, type UserState } from '../../../domain/users';
import { formatDate } from '../../../i18n/format';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Spinner } from '../../../ui/spinner';
import { StatusBadge, type StatusTone } from '../../../ui/status-badge';
import { TableScroll } from '../../../ui/table-scroll';
import { usersQuery } from '../api/get-users';
import { useReinviteUser } from '../api/reinvite-user';
import { ChangeRoleDialog } from './change-role-dialog';
import { DeactivateUserDialog } from './deactivate-user-dialog';
import { InviteUserDialog } from './invite-user-dialog';
import { ReinviteDialog } from './reinvite-dialog';

const STATE_TONES: Record<UserState, StatusTone> = {
  active: 'success',
  invited: 'info',
  'invite-expired': 'warning',
  'not-invited': 'neutral',
  deactivated: 'danger',
};

/** Users (admins): everyone with role, state and last sign-in; invite, change role, deactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  // The signed-in frame's route loads the user (src/app/router.tsx); this page loads its own list.
  const me = (useRouteLoaderData('app') as { user: User } | undefined)?.user ?? null;
  const query = useQuery({ ...usersQuery(), retryOnMount: false });
  const [inviteOpen, setInviteOpen] = useState(false);

  // Another role (the navigation does not offer the page, but a link may): no access, not a
  // failure to retry.
  if (isApiError(query.error) && query.error.status === 403) {
    return <PageHeader title={t('errors.forbiddenTitle')} description={<p>{t('errors.forbiddenBody')}</p>} />;
  }

  let content;
  if (query.isPending || (query.isError && query.isFetching)) {
    content = <Spinner label={t('users.loading')} className="loading--block" />;
  } else if (query.isError) {
    content = (
      <ErrorState
        title={t('users.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (query.data.items.length === 0) {
    content = (
      <EmptyState title={t('users.emptyTitle')}>
        <p>{t('users.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    content = <UsersTable items={query.data.items} activeAdmins={query.data.activeAdmins} me={me} />;
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={<p>{t('users.description')}</p>}
        actions={
          <button type="button" className="button button--primary" onClick={() => setInviteOpen(true)}>
            {t('users.inviteUser')}
          </button>
        }
      />
      {content}
      <InviteUserDialog isOpen={inviteOpen} onOpenChange={setInviteOpen} />
    </>
  );
}

function UsersTable({ items, activeAdmins, me }: { items: ManagedUser[]; activeAdmins: number; me: User | null }) {
  const { t } = useTranslation();
  const noteId = useId();
  const reinvite = useReinviteUser();
  const [invite, setInvite] = useState<Invite | null>(null);
  const [roleFor, setRoleFor] = useState<ManagedUser | null>(null);
  const [toDeactivate, setToDeactivate] = useState<ManagedUser | null>(null);

  return (
    <>
      <TableScroll>
        <table className="table users-table">
          <caption className="visually-hidden">{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.columns.name')}</th>
              <th scope="col">{t('users.columns.role')}</th>
              <th scope="col">{t('users.columns.state')}</th>
              <th scope="col">{t('users.columns.lastSignIn')}</th>
              <th scope="col">{t('users.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => {
              const lastAdmin = isLastActiveAdmin(user, activeAdmins);
              const isMe = user.id === me?.id;
              const pendingInvite = reinvite.isPending && reinvite.variables === user.id;
              return (
                <tr key={user.id}>
                  <th scope="row" className="cell--primary">
                    <span className="users-table__name">
                      {user.name}
                      {isMe ? <span className="badge badge--neutral">{t('users.you')}</span> : null}
                    </span>
                    <span className="users-table__email">{user.email}</span>
                    {user.fromIntegration ? <span className="users-table__note">{t('users.fromIntegration')}</span> : null}
                    {lastAdmin ? (
                      <span id={`${noteId}-${user.id}`} className="users-table__note">
                        {t('users.lastAdmin')}
                      </span>
                    ) : null}
                  </th>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>
                    <StatusBadge tone={STATE_TONES[user.state]}>{t(`users.states.${user.state}`)}</StatusBadge>
                    {user.inviteExpiresAt ? (
                      <span className="users-table__note">
                        {t(user.state === 'invited' ? 'users.inviteExpires' : 'users.inviteExpired', {
                          date: formatDate(user.inviteExpiresAt, { withTime: true }),
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td className="cell--nowrap">
                    {user.lastSignInAt ? formatDate(user.lastSignInAt, { withTime: true }) : t('users.never')}
                  </td>
                  <td>
                    {user.state === 'deactivated' ? null : (
                      <div className="users-table__actions">
                        {canBeInvited(user.state) ? (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('users.inviteName', { name: user.name })}
                            aria-disabled={pendingInvite || undefined}
                            onClick={() => {
                              if (reinvite.isPending) return;
                              reinvite.mutate(user.id, { onSuccess: (made) => setInvite(made) });
                            }}
                          >
                            {pendingInvite ? t('users.inviting') : t('users.invite')}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('users.changeRoleName', { name: user.name })}
                          aria-disabled={lastAdmin || undefined}
                          aria-describedby={lastAdmin ? `${noteId}-${user.id}` : undefined}
                          onClick={() => {
                            if (!lastAdmin) setRoleFor(user);
                          }}
                        >
                          {t('users.changeRole')}
                        </button>
                        {isMe ? null : (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('users.deactivateName', { name: user.name })}
                            aria-disabled={lastAdmin || undefined}
                            aria-describedby={lastAdmin ? `${noteId}-${user.id}` : undefined}
                            onClick={() => {
                              if (!lastAdmin) setToDeactivate(user);
                            }}
                          >
                            {t('users.deactivate')}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {invite ? <ReinviteDialog invite={invite} onClose={() => setInvite(null)} /> : null}
      {roleFor ? <ChangeRoleDialog user={roleFor} onClose={() => setRoleFor(null)} /> : null}
      {toDeactivate ? <DeactivateUserDialog user={toDeactivate} onClose={() => setToDeactivate(null)} /> : null}
    </>
  );
}
