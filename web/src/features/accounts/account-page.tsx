import { useState } from 'react';
import { useAccountsI18n } from './accounts-i18n';
import { useSession } from '../../app/session-provider';
import { AccountSessions } from './account-sessions';
import { ChangePasswordForm } from './change-password-form';

/** Who the signed-in person is, as the server knows them; their password and their sessions. */
export function AccountPage() {
  const { t, regionName } = useAccountsI18n();
  const { user } = useSession();
  // A password change ends the other sessions: the list is mounted again, asking the server afresh.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  if (!user) return null; // the route guard lets only signed-in users here
  return (
    <section className="page page-narrow">
      <h1>{t('account.title')}</h1>
      <dl className="card details-list" data-testid="account-details">
        <dt>{t('field.displayName')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('field.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt>{user.role === 'CITIZEN' ? t('account.residence') : t('account.jurisdiction')}</dt>
        <dd>
          {regionName(user.region)} <span className="muted mono">{user.region.code}</span>
        </dd>
        {user.organization && (
          <>
            <dt>{t('field.organization')}</dt>
            <dd>{user.organization.name}</dd>
          </>
        )}
        {user.citizenStatus && (
          <>
            <dt>{t('account.residenceStatus')}</dt>
            <dd>
              <span className={`badge badge-${user.citizenStatus.toLowerCase()}`}>{t(`citizenStatus.${user.citizenStatus}`)}</span>
              <p className="muted">{t(`account.citizenStatusHelp.${user.citizenStatus}`)}</p>
              {user.citizenReviewNote && (
                <p>
                  {t('account.reviewNote')}: {user.citizenReviewNote}
                </p>
              )}
            </dd>
          </>
        )}
      </dl>
      <ChangePasswordForm onChanged={() => setSessionsVersion((version) => version + 1)} />
      <AccountSessions key={sessionsVersion} />
    </section>
  );
}
