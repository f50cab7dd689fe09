import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useAccountsI18n } from './accounts-i18n';
import { useSession } from '../../app/session-provider';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { RegisterCitizenMutation } from './session.operations';
import { useFieldMessages } from '../../lib/error-message';

/** A resident registers, is signed in at once, and waits for an organization to verify the residence. */
export function RegisterPage() {
  const { t } = useAccountsI18n();
  const { user, sessionChanged } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const register = useApiMutation(RegisterCitizenMutation);
  const fields = { ...useFieldMessages(register.error), ...checks };

  if (user) return <Navigate to="/account" replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t('form.required');
    if (!displayName.trim()) found.displayName = t('form.required');
    if (!password) found.password = t('form.required');
    if (!region) found.regionId = t('form.chooseRegion');
    setChecks(found);
    if (!region || Object.keys(found).length > 0) return;
    const registered = await register.run({
      input: { email: email.trim(), displayName: displayName.trim(), password, regionId: region.id },
    });
    if (!registered) return;
    sessionChanged();
    void navigate('/account', { replace: true });
  };

  return (
    <section className="page page-narrow">
      <h1>{t('register.title')}</h1>
      <p className="page-intro">{t('register.intro')}</p>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormAlert error={register.error} />
        <FormField label={t('field.email')} error={fields.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              data-testid="register-email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.displayName')} error={fields.displayName}>
          {(control) => (
            <input
              {...control}
              autoComplete="name"
              data-testid="register-name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.password')} hint={t('field.passwordHint')} error={fields.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              data-testid="register-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('register.residence')} hint={t('register.residenceHint')} error={fields.regionId}>
          {(control) => <RegionSelect control={control} value={region} onChange={setRegion} level="TOWNSHIP" testId="register-region" />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="register-submit" disabled={register.fetching}>
            {t('register.submit')}
          </button>
        </div>
      </form>
      <p className="page-aside">
        {t('register.haveAccount')} <Link to="/sign-in">{t('header.signIn')}</Link>
      </p>
    </section>
  );
}
