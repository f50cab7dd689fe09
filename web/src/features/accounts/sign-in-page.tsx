import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAccountsI18n } from './accounts-i18n';
import { landingPath } from '../../app/landing';
import { useSession } from '../../app/session-provider';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { safeNext } from './safe-next';
import { SignInMutation } from './session.operations';
import { useFieldMessages } from '../../lib/error-message';

export function SignInPage() {
  const { t } = useAccountsI18n();
  const { user, sessionChanged } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  // The page that asked for sign-in, if it is one of ours; else the user's own start (their region's dashboard).
  const asked = searchParams.get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const signIn = useApiMutation(SignInMutation);
  const fields = { ...useFieldMessages(signIn.error), ...checks };

  if (user) return <Navigate to={safeNext(asked, landingPath(user))} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t('form.required');
    if (!password) found.password = t('form.required');
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const signedIn = await signIn.run({ input: { email: email.trim(), password } });
    if (!signedIn) return;
    // The cookie is set: start a fresh client (no answer cached while signed out) and ask `me` again.
    sessionChanged();
    void navigate(safeNext(asked, landingPath(signedIn.signIn)), { replace: true });
  };

  return (
    <section className="page page-narrow">
      <h1>{t('signIn.title')}</h1>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormAlert error={signIn.error} />
        <FormField label={t('field.email')} error={fields.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              data-testid="sign-in-email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.password')} error={fields.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              data-testid="sign-in-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="sign-in-submit" disabled={signIn.fetching}>
            {signIn.fetching ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <p className="page-aside">
        {t('signIn.noAccount')} <Link to="/register">{t('signIn.register')}</Link>
      </p>
    </section>
  );
}
