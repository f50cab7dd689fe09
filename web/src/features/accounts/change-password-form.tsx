import { accounts } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { plural } from '../../app/i18n/plural';
import { problemText, useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField, FormNotice } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useAccountsI18n } from './accounts-i18n';
import { ChangePasswordMutation } from './account.operations';

/**
 * Changing one's password: the current one again (re-authentication), the new one twice. The shared
 * password rules are checked here before sending, and again by the server; every other session ends.
 */
export function ChangePasswordForm({ onChanged }: { onChanged(): void }) {
  const i18n = useAccountsI18n();
  const { t } = i18n;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const change = useApiMutation(ChangePasswordMutation);
  const fields = { ...useFieldMessages(change.error), ...checks };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    for (const [field, problem] of Object.entries(accounts.passwordChangeProblems({ currentPassword, newPassword }))) {
      found[field] = problemText(problem, i18n) ?? t('problem.INVALID');
    }
    if (!found.newPassword && repeated !== newPassword) found.repeated = t('account.password.mismatch');
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const changed = await change.run({ input: { currentPassword, newPassword } });
    if (!changed) return;
    setCurrentPassword('');
    setNewPassword('');
    setRepeated('');
    setDone(plural(i18n, 'account.password.changed', changed.changePassword));
    onChanged();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="change-password-title" data-testid="change-password-form">
      <h2 id="change-password-title">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.intro')}</p>
      <FormAlert error={change.error} />
      {done && <FormNotice>{done}</FormNotice>}
      <FormField label={t('account.password.current')} error={fields.currentPassword}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            data-testid="change-password-current"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('account.password.new')} hint={t('field.passwordHint')} error={fields.newPassword}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            data-testid="change-password-new"
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('account.password.repeat')} error={fields.repeated}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            data-testid="change-password-repeat"
            value={repeated}
            onChange={(event) => setRepeated(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="change-password-submit" disabled={change.fetching}>
          {t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}
