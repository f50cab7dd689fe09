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
import { OrganizationCreateForm } from './organization-create-form';
import { OrganizationRowActions } from './organization-row-actions';
import { OrganizationsQuery } from './organization.operations';

type OrganizationRow = ResultOf<typeof OrganizationsQuery>['organizations']['edges'][number]['node'];
type OrganizationOrderField = NonNullable<VariablesOf<typeof OrganizationsQuery>['orderBy']>['field'];
type ActiveFilter = '' | 'true' | 'false';

const PAGE_SIZE = 25;

export function OrganizationsPage() {
  const { t, regionName, formatDate } = useAccountsI18n();
  const ability = useAppAbility();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText).trim();
  const [active, setActive] = useState<ActiveFilter>('');
  const [sort, setSort] = useState<SortState<OrganizationOrderField>>({ field: 'NAME', direction: 'ASC' });
  const filter = useMemo(() => ({ search: search || null, active: active === '' ? null : active === 'true' }), [search, active]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const pages = useCursorPages(JSON.stringify({ filter, sort }), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Organization'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrganizationsQuery,
    variables: { ...pages.variables, filter, orderBy: sort },
    context,
  });

  const columns: Column<OrganizationRow, OrganizationOrderField>[] = [
    { id: 'name', header: t('field.name'), sortField: 'NAME', cell: (organization) => organization.name },
    {
      id: 'region',
      header: t('field.region'),
      cell: (organization) => (
        <>
          {regionName(organization.region)}{' '}
          <span className="muted">
            {t(`level.${organization.region.level}`)} · {organization.region.code}
          </span>
        </>
      ),
    },
    {
      id: 'active',
      header: t('users.status'),
      cell: (organization) =>
        organization.active ? (
          <span className="badge badge-active">{t('users.active')}</span>
        ) : (
          <span className="badge badge-inactive">{t('users.inactive')}</span>
        ),
    },
    { id: 'created', header: t('field.createdAt'), sortField: 'CREATED_AT', cell: (organization) => formatDate(organization.createdAt) },
    {
      id: 'actions',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (organization) => <OrganizationRowActions organization={organization} />,
    },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <h1>{t('organizations.title')}</h1>
        {ability.can('create', 'Organization') && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="organization-create-open"
            onClick={() => {
              setCreating(true);
              setCreated(null);
            }}
          >
            {t('organizations.create')}
          </button>
        )}
      </header>
      {created && <FormNotice>{t('organizations.created', { name: created })}</FormNotice>}
      {creating && (
        <OrganizationCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setCreated(name);
          }}
        />
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>{t('filter.search')}</span>
          <input
            type="search"
            data-testid="organization-filter-search"
            placeholder={t('organizations.searchPlaceholder')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
        <label className="filter">
          <span>{t('users.status')}</span>
          <select
            data-testid="organization-filter-active"
            value={active}
            onChange={(event) => setActive(event.target.value === 'true' ? 'true' : event.target.value === 'false' ? 'false' : '')}
          >
            <option value="">{t('filter.any')}</option>
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.inactive')}</option>
          </select>
        </label>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('organizations.title')}
          columns={columns}
          rows={data.organizations.edges.map((edge) => edge.node)}
          rowKey={(organization) => organization.id}
          rowTestId="organization-row"
          sort={sort}
          onSortChange={setSort}
          stale={fetching}
          emptyMessage={t('organizations.none')}
          page={pageOf(data.organizations, pages)}
        />
      )}
    </section>
  );
}
