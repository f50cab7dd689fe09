import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import { useAccountsI18n } from './accounts-i18n';
import { DataTable, pageOf, type Column, type SortState } from '../../lib/data-table';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { UserCreateForm } from './user-create-form';
import { UserFilters, type UserFilterValues } from './user-filters';
import { UserRowActions } from './user-row-actions';
import { UsersQuery } from './user.operations';

export type UserRow = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];
type UserOrderField = NonNullable<VariablesOf<typeof UsersQuery>['orderBy']>['field'];
type UserFilterInput = NonNullable<VariablesOf<typeof UsersQuery>['filter']>;

/** 25 rows of this selection cost about 2,400 against the server's limit of 5,000. */
const PAGE_SIZE = 25;
const EMPTY_FILTERS: UserFilterValues = { search: '', role: '', citizenStatus: '', active: '' };

function toFilterInput(values: UserFilterValues, search: string): UserFilterInput {
  return {
    search: search.trim() || null,
    role: values.role || null,
    citizenStatus: values.citizenStatus || null,
    active: values.active === '' ? null : values.active === 'true',
  };
}

export function UsersPage() {
  const { t, regionName, formatDateTime } = useAccountsI18n();
  const ability = useAppAbility();
  const [filters, setFilters] = useState<UserFilterValues>(EMPTY_FILTERS);
  const search = useDebouncedValue(filters.search);
  const [sort, setSort] = useState<SortState<UserOrderField>>({ field: 'CREATED_AT', direction: 'DESC' });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const filter = useMemo(() => toFilterInput(filters, search), [filters, search]);
  const pages = useCursorPages(JSON.stringify({ filter, sort }), PAGE_SIZE);
  // An empty page holds no User to invalidate: say which type this list shows.
  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UsersQuery,
    variables: { ...pages.variables, filter, orderBy: sort },
    context,
  });

  const columns: Column<UserRow, UserOrderField>[] = [
    { id: 'email', header: t('field.email'), sortField: 'EMAIL', cell: (user) => user.email },
    { id: 'name', header: t('field.displayName'), sortField: 'DISPLAY_NAME', cell: (user) => user.displayName },
    { id: 'role', header: t('field.role'), sortField: 'ROLE', cell: (user) => t(`role.${user.role}`) },
    { id: 'region', header: t('field.region'), cell: (user) => regionName(user.region) },
    { id: 'organization', header: t('field.organization'), cell: (user) => user.organization?.name ?? '—' },
    {
      id: 'status',
      header: t('users.status'),
      cell: (user) => (
        <span className="badges">
          {!user.active && <span className="badge badge-inactive">{t('users.inactive')}</span>}
          {user.citizenStatus && (
            <span className={`badge badge-${user.citizenStatus.toLowerCase()}`} title={user.citizenReviewNote ?? undefined}>
              {t(`citizenStatus.${user.citizenStatus}`)}
            </span>
          )}
          {user.active && !user.citizenStatus && <span className="badge badge-active">{t('users.active')}</span>}
        </span>
      ),
    },
    { id: 'created', header: t('field.createdAt'), sortField: 'CREATED_AT', cell: (user) => formatDateTime(user.createdAt) },
    { id: 'actions', header: t('table.actions'), className: 'cell-actions', cell: (user) => <UserRowActions user={user} /> },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <h1>{t('users.title')}</h1>
        {ability.can('create', 'User') && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="user-create-open"
            onClick={() => {
              setCreating(true);
              setCreated(null);
            }}
          >
            {t('users.create')}
          </button>
        )}
      </header>
      {created && <FormNotice>{t('users.created', { email: created })}</FormNotice>}
      {creating && (
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(email) => {
            setCreating(false);
            setCreated(email);
          }}
        />
      )}
      <UserFilters values={filters} onChange={setFilters} />
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('users.title')}
          columns={columns}
          rows={data.users.edges.map((edge) => edge.node)}
          rowKey={(user) => user.id}
          rowTestId="user-row"
          sort={sort}
          onSortChange={setSort}
          stale={fetching}
          emptyMessage={t('users.none')}
          page={pageOf(data.users, pages)}
        />
      )}
    </section>
  );
}
