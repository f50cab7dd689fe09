import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../app/session-provider';
import { ErrorState, Loading } from '../../lib/states';
import './grants.css';
import { useGrantsI18n } from './grants-i18n';
import { GrantsQuery } from './grants.operations';
import { factsObject } from './step-check';

/** A citizen's open notices: grants in public notice in their region and the regions above it, each leading to its objection form. */
export function NoticesPage() {
  const { t, locale, regionName } = useGrantsI18n();
  const { user } = useSession();
  const filter = useMemo(() => ({ noticeOpen: true, noticeFor: user?.region.id ?? null }), [user]);
  const context = useMemo(() => ({ additionalTypenames: ['Grant'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: GrantsQuery, variables: { first: 50, filter }, context, pause: !user });
  const notices = data?.grants.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="page grants-page">
      <header className="page-header">
        <h1>{t('notices.title')}</h1>
        <p className="page-intro">{t('notices.intro')}</p>
      </header>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && notices.length === 0 && <p className="muted">{t('notices.none')}</p>}
      <ul className="notices">
        {notices.map((grant) => (
          <li key={grant.id} className="card" data-testid="notice-row">
            <h2>
              <Link to={`/grants/${grant.id}`} data-testid="notice-link">
                {grant.post ? (locale === 'zh-CN' ? grant.post.titleZh : grant.post.title) : '—'} · {grant.cadre?.name}
              </Link>
            </h2>
            <p className="muted">
              {grant.region && regionName(grant.region)} · {grant.bodyName} ·{' '}
              {t('notices.ends', { end: String(factsObject(grant.steps.find((step) => step.step === 'NOTICE')?.facts).end ?? '') })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
