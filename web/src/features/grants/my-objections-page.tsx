import { evaluation } from '@massline/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { Pager, pageOf } from '../../lib/data-table';
import { FormField } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { GrantStatusBadge } from './grants-page';
import './grants.css';
import { useGrantsI18n } from './grants-i18n';
import { MyObjectionsQuery, ObjectionByReceiptQuery } from './grants.operations';

type FiledObjectionView = NonNullable<ResultOf<typeof ObjectionByReceiptQuery>['objectionByReceipt']>;

const PAGE_SIZE = 20;

/** One objection as its filer follows it: the grant and where it stands, the objection, the answer or that there is none yet. */
function FiledObjectionCard({ objection }: { objection: FiledObjectionView }) {
  const { t, locale, formatDateTime } = useGrantsI18n();
  const { grant } = objection;
  return (
    <li className="card" data-testid="my-objection">
      <h2>
        {grant ? (
          <Link to={`/grants/${grant.id}`} data-testid="my-objection-grant">
            {grant.post ? (locale === 'zh-CN' ? grant.post.titleZh : grant.post.title) : '—'} · {grant.cadre?.name}
          </Link>
        ) : (
          '—'
        )}{' '}
        {grant && <GrantStatusBadge status={grant.status} />}
      </h2>
      <p className="muted">{t('myObjections.filed', { at: formatDateTime(objection.filedAt) })}</p>
      {/* People's own words stay in the language they wrote them in. */}
      <p data-testid="my-objection-text" data-i18n-exempt>
        {objection.text}
      </p>
      {objection.evidence && (
        <p className="muted">
          {t('grant.evidence')}: <span data-i18n-exempt>{objection.evidence}</span>
        </p>
      )}
      {objection.upheld === null ? (
        <p className="muted" data-testid="my-objection-answer">
          {t('grant.unanswered')}
        </p>
      ) : (
        <p data-testid="my-objection-answer">
          <span className={`badge badge-${objection.upheld ? 'inactive' : 'active'}`}>
            {objection.upheld ? t('grant.upheld') : t('grant.notUpheld')}
          </span>{' '}
          <span data-i18n-exempt>{objection.reasons}</span>
        </p>
      )}
    </li>
  );
}

/**
 * An anonymous objection found by its receipt. The request goes without the session's cookie: the server
 * answers whoever holds the code and cannot tell who asked, so no link to the citizen is made here either.
 */
function ReceiptLookup() {
  const { t } = useGrantsI18n();
  const [typed, setTyped] = useState('');
  const [receipt, setReceipt] = useState<string | null>(null);
  const context = useMemo(() => ({ fetchOptions: { credentials: 'omit' as const }, requestPolicy: 'network-only' as const }), []);
  const [{ data, fetching, error }] = useQuery({
    query: ObjectionByReceiptQuery,
    variables: { receipt: receipt ?? '' },
    pause: receipt === null,
    context,
  });
  const malformed = typed.trim() !== '' && evaluation.normalizeReceiptCode(typed) === null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = evaluation.normalizeReceiptCode(typed);
    if (code) setReceipt(code);
  };
  return (
    <section className="card" aria-labelledby="receipt-lookup-title">
      <h2 id="receipt-lookup-title">{t('myObjections.receiptTitle')}</h2>
      <p className="muted">{t('myObjections.receiptIntro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="receipt-lookup-form">
        <FormField label={t('myObjections.receipt')} error={malformed ? t('myObjections.receiptMalformed') : undefined}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              spellCheck={false}
              data-testid="receipt-lookup-code"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" data-testid="receipt-lookup-submit" disabled={malformed || typed.trim() === ''}>
            {t('myObjections.receiptSubmit')}
          </button>
        </div>
      </form>
      {receipt !== null && fetching && <Loading />}
      {receipt !== null && error && <ErrorState error={error} />}
      {receipt !== null && data && !data.objectionByReceipt && (
        <p className="muted" data-testid="receipt-lookup-none">
          {t('myObjections.receiptNone')}
        </p>
      )}
      {data?.objectionByReceipt && (
        <ul className="objections">
          <FiledObjectionCard objection={data.objectionByReceipt} />
        </ul>
      )}
    </section>
  );
}

/**
 * A citizen's objections: those filed under their name (the server knows them by their account), each with
 * its answer and its grant's state; an anonymous one by its receipt code alone (README, anonymity).
 */
export function MyObjectionsPage() {
  const { t } = useGrantsI18n();
  const pages = useCursorPages('my-objections', PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Grant', 'GrantObjection'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyObjectionsQuery, variables: pages.variables, context });
  const connection = data?.myObjections;
  return (
    <section className="page grants-page">
      <header className="page-header">
        <h1>{t('myObjections.title')}</h1>
        <p className="page-intro">{t('myObjections.intro')}</p>
      </header>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {connection && connection.totalCount === 0 && <p className="muted">{t('myObjections.none')}</p>}
      <ul className="objections">
        {connection?.edges.map(({ node }) => (
          <FiledObjectionCard key={node.id} objection={node} />
        ))}
      </ul>
      {connection && <Pager page={pageOf(connection, pages)} shown={connection.edges.length} />}
      <ReceiptLookup />
    </section>
  );
}
