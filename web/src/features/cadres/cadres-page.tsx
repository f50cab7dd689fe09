import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { RecordListPage } from './record-list-page';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CadreCreateForm } from './cadre-forms';
import { postTitle, useCadresI18n } from './cadres-i18n';
import { CadresQuery } from './cadres.operations';

type CadreRow = ResultOf<typeof CadresQuery>['cadres']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** The cadres, public: search by name, each with their current post; organizations record new ones. */
export function CadresPage() {
  const { t, locale, regionName } = useCadresI18n();
  const ability = useAppAbility();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText).trim();
  const filter = useMemo(() => ({ search: search || null }), [search]);
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Cadre', 'Term'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CadresQuery, variables: { ...pages.variables, filter }, context });

  const columns: Column<CadreRow>[] = [
    {
      id: 'name',
      header: t('field.cadreName'),
      cell: (cadre) => (
        <Link to={`/cadres/${cadre.id}`} data-testid="cadre-link">
          {cadre.name}
        </Link>
      ),
    },
    { id: 'region', header: t('field.region'), cell: (cadre) => regionName(cadre.region) },
    {
      id: 'post',
      header: t('cadres.currentPost'),
      cell: (cadre) => {
        const current = cadre.terms.filter((term) => term.current);
        return current.length ? (
          current.map((term) => postTitle(term.post, locale)).join(' · ')
        ) : (
          <span className="muted">{t('cadres.noCurrentPost')}</span>
        );
      },
    },
  ];

  return (
    <RecordListPage
      title={t('cadres.title')}
      intro={t('cadres.intro')}
      create={ability.can('create', 'Cadre') ? { label: t('cadres.create'), testId: 'cadre-create-open' } : null}
      form={({ onCreated, onCancel }) => (
        <CadreCreateForm onCancel={onCancel} onCreated={(name) => onCreated(t('cadres.created', { name }))} />
      )}
      search={{ value: searchText, onChange: setSearchText, placeholder: t('cadres.searchPlaceholder'), testId: 'cadre-filter-search' }}
    >
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('cadres.title')}
          columns={columns}
          rows={data.cadres.edges.map((edge) => edge.node)}
          rowKey={(cadre) => cadre.id}
          rowTestId="cadre-row"
          stale={fetching}
          emptyMessage={t('cadres.none')}
          page={pageOf(data.cadres, pages)}
        />
      )}
    </RecordListPage>
  );
}
