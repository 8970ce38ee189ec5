import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../domain/users';
import { TextField } from '../../../ui/text-field';
import { useDocumentTitle } from '../../../ui/use-document-title';
import { useAcceptInvite } from '../api/accept-invite';
import { HOME_PATH } from '../next-path';
import { AuthForm } from './auth-form';

type PasswordError = 'users.accept.passwordRequired' | 'users.accept.tooShort' | 'users.accept.tooLong';
type FailureKey =
  | 'users.accept.invalidLink'
  | 'users.accept.rateLimited'
  | 'users.accept.failed'
  | 'errors.api.network';

function failureKey(error: unknown): FailureKey {
  if (!isApiError(error)) return 'users.accept.failed';
  if (error.status === 404) return 'users.accept.invalidLink';
  if (error.status === 429) return 'users.accept.rateLimited';
  if (error.code === 'network') return 'errors.api.network';
  return 'users.accept.failed';
}

/**
 * The page an invite link opens: Password, Confirm password, Set password, and the person is
 * signed in. The token comes from the link's #fragment, which the browser never sends to a
 * server; the page posts it in the request body.
 */
export function AcceptInvitePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.accept.title'));
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, '')).trim();
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: PasswordError; confirm?: 'users.accept.mismatch' }>({});

  const onSubmit = () => {
    const found: typeof errors = {};
    if (password === '') found.password = 'users.accept.passwordRequired';
    else if (password.length < PASSWORD_MIN_LENGTH) found.password = 'users.accept.tooShort';
    else if (password.length > PASSWORD_MAX_LENGTH) found.password = 'users.accept.tooLong';
    else if (confirm !== password) found.confirm = 'users.accept.mismatch';
    setErrors(found);
    if (found.password) return passwordRef.current?.focus();
    if (found.confirm) return confirmRef.current?.focus();
    accept.mutate({ token, password }, { onSuccess: () => navigate(HOME_PATH, { replace: true }) });
  };

  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

  return (
    <div className="sign-in">
      <div className="panel sign-in__panel">
        <h1 className="sign-in__title">{t('users.accept.title')}</h1>
        {token === '' ? (
          <>
            <p role="alert" className="alert alert--error">
              {t('users.accept.noToken')}
            </p>
            <Link to="/sign-in">{t('users.accept.signIn')}</Link>
          </>
        ) : (
          <>
            <p className="sign-in__intro">{t('users.accept.intro')}</p>
            <AuthForm
              failure={accept.isError ? t(failureKey(accept.error)) : null}
              onSubmit={onSubmit}
              isPending={accept.isPending}
              submitLabel={t('users.accept.submit')}
              pendingLabel={t('users.accept.submitting')}
            >
              <TextField
                ref={passwordRef}
                label={t('users.accept.password')}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={setPassword}
                hint={t('users.accept.rule', limits)}
                hintClassName="text-muted"
                error={errors.password ? t(errors.password, limits) : null}
                errorBeforeHint
              />
              <TextField
                ref={confirmRef}
                label={t('users.accept.confirm')}
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={setConfirm}
                error={errors.confirm ? t(errors.confirm) : null}
              />
            </AuthForm>
            {accept.isError && failureKey(accept.error) === 'users.accept.invalidLink' ? (
              <Link to="/sign-in">{t('users.accept.signIn')}</Link>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
