import { subject } from '@casl/ability';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useAccountsI18n } from './accounts-i18n';
import { ConfirmButton } from '../../lib/confirm-button';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { errorMessage } from '../../lib/error-message';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { ApiTokenCreateForm } from './api-token-create-form';
import { ApiTokensQuery, RevokeApiTokenMutation } from './api-token.operations';

type ApiTokenRow = ResultOf<typeof ApiTokensQuery>['apiTokens']['edges'][number]['node'];

const PAGE_SIZE = 25;

export function ApiTokensPage() {
  const { t, tryTranslate, formatDateTime } = useAccountsI18n();
  const ability = useAppAbility();
  const [creating, setCreating] = useState(false);
  const pages = useCursorPages('', PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['ApiToken'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApiTokensQuery,
    variables: pages.variables,
    context,
  });

  const columns: Column<ApiTokenRow>[] = [
    { id: 'name', header: t('field.name'), cell: (token) => token.name },
    { id: 'prefix', header: t('apiTokens.prefix'), cell: (token) => <code>{token.prefix}</code> },
    {
      id: 'scopes',
      header: t('apiTokens.scopes'),
      // The server may know scopes newer than this console: show their code then.
      cell: (token) => token.scopes.map((scope) => tryTranslate(`scope.${scope}`) ?? scope).join(', '),
    },
    {
      id: 'created',
      header: t('field.createdAt'),
      cell: (token) => (
        <>
          {formatDateTime(token.createdAt)}
          <br />
          <span className="muted">{t('apiTokens.by', { name: token.createdByName })}</span>
        </>
      ),
    },
    {
      id: 'lastUsed',
      header: t('apiTokens.lastUsed'),
      cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.never')),
    },
    {
      id: 'revoked',
      header: t('apiTokens.revoked'),
      cell: (token) => (token.revokedAt ? <span className="badge badge-inactive">{formatDateTime(token.revokedAt)}</span> : '—'),
    },
    { id: 'actions', header: t('table.actions'), className: 'cell-actions', cell: (token) => <RevokeAction token={token} /> },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <h1>{t('apiTokens.title')}</h1>
        {ability.can('create', 'ApiToken') && !creating && (
          <button type="button" className="button button-primary" data-testid="api-token-create-open" onClick={() => setCreating(true)}>
            {t('apiTokens.create')}
          </button>
        )}
      </header>
      <p className="page-intro">{t('apiTokens.intro')}</p>
      {creating && <ApiTokenCreateForm onClose={() => setCreating(false)} />}
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('apiTokens.title')}
          columns={columns}
          rows={data.apiTokens.edges.map((edge) => edge.node)}
          rowKey={(token) => token.id}
          rowTestId="api-token-row"
          stale={fetching}
          emptyMessage={t('apiTokens.none')}
          page={pageOf(data.apiTokens, pages)}
        />
      )}
    </section>
  );
}

function RevokeAction({ token }: { token: ApiTokenRow }) {
  const i18n = useAccountsI18n();
  const ability = useAppAbility();
  const revoke = useApiMutation(RevokeApiTokenMutation);
  if (token.revokedAt || !ability.can('revoke', subject('ApiToken', { ...token }))) return null;
  return (
    <div className="row-actions">
      <ConfirmButton
        label={i18n.t('apiTokens.revoke')}
        question={i18n.t('apiTokens.revokeQuestion')}
        confirmLabel={i18n.t('apiTokens.revoke')}
        danger
        disabled={revoke.fetching}
        testId="api-token-revoke"
        onConfirm={async () => void (await revoke.run({ id: token.id }))}
      />
      {revoke.error && (
        <small className="field-error" role="alert">
          {errorMessage(revoke.error, i18n)}
        </small>
      )}
    </div>
  );
}
