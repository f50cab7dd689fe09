import { useState } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { plural } from '../../app/i18n/plural';
import { useSession } from '../../app/session-provider';
import { ConfirmButton } from '../../lib/confirm-button';
import { errorMessage } from '../../lib/error-message';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useAccountsI18n } from './accounts-i18n';
import { EndOtherSessionsMutation, EndSessionMutation, MySessionsQuery } from './account.operations';

type SessionRow = ResultOf<typeof MySessionsQuery>['mySessions']['edges'][number]['node'];

/**
 * The person's sessions (where they are signed in): when each began and was last used, in which browser,
 * this one marked; any other one can be ended, or all of them at once. Always asked of the server: sessions
 * end elsewhere (a password change, another browser), so a cached list would be wrong.
 */
export function AccountSessions() {
  const i18n = useAccountsI18n();
  const { t, formatDateTime } = i18n;
  const { sessionChanged } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MySessionsQuery, requestPolicy: 'network-only' });
  const endOthers = useApiMutation(EndOtherSessionsMutation);
  const endOne = useApiMutation(EndSessionMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const end = async (session: SessionRow) => {
    if (!(await endOne.run({ id: session.id }))) return;
    // Ending this very session signs the person out, as signing out does.
    if (session.current) sessionChanged();
    else {
      setNotice(t('account.sessions.ended'));
      reload();
    }
  };

  const sessions = data?.mySessions.edges.map((edge) => edge.node) ?? [];
  const others = sessions.filter((session) => !session.current).length;
  return (
    <section className="card" aria-labelledby="sessions-title" data-testid="account-sessions">
      <h2 id="sessions-title">{t('account.sessions.title')}</h2>
      <p className="muted">{t('account.sessions.intro')}</p>
      {notice && <FormNotice>{notice}</FormNotice>}
      {(endOne.error ?? endOthers.error) && (
        <div className="alert alert-error" role="alert">
          {errorMessage((endOne.error ?? endOthers.error)!, i18n)}
        </div>
      )}
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="session-item" data-testid="session-row" data-current={session.current || undefined}>
              <div className="session-device">
                <strong data-i18n-exempt={session.device ? true : undefined}>
                  {session.device ?? t('account.sessions.unknownDevice')}
                </strong>
                {session.current && <span className="badge badge-active">{t('account.sessions.current')}</span>}
              </div>
              <div className="muted">
                {t('account.sessions.signedInAt', { time: formatDateTime(session.createdAt) })}
                {' · '}
                {t('account.sessions.lastSeenAt', { time: formatDateTime(session.lastSeenAt) })}
              </div>
              <div className="row-actions">
                <ConfirmButton
                  label={session.current ? t('account.sessions.signOutHere') : t('account.sessions.end')}
                  question={session.current ? t('account.sessions.signOutHereQuestion') : t('account.sessions.endQuestion')}
                  confirmLabel={session.current ? t('account.sessions.signOutHere') : t('account.sessions.end')}
                  danger={!session.current}
                  disabled={endOne.fetching}
                  testId="session-end"
                  onConfirm={() => end(session)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {others > 0 && (
        <div className="form-actions">
          <ConfirmButton
            label={t('account.sessions.endOthers')}
            question={t('account.sessions.endOthersQuestion')}
            confirmLabel={t('account.sessions.endOthers')}
            danger
            disabled={endOthers.fetching}
            testId="sessions-end-others"
            onConfirm={async () => {
              const ended = await endOthers.run({});
              if (!ended) return;
              setNotice(plural(i18n, 'account.sessions.endedOthers', ended.endOtherSessions));
              reload();
            }}
          />
        </div>
      )}
    </section>
  );
}
