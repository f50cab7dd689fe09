import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
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
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
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
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('cadres.title')}</h1>
          <p className="page-intro">{t('cadres.intro')}</p>
        </div>
        {ability.can('create', 'Cadre') && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="cadre-create-open"
            onClick={() => {
              setCreating(true);
              setCreated(null);
            }}
          >
            {t('cadres.create')}
          </button>
        )}
      </header>
      {created && <FormNotice>{t('cadres.created', { name: created })}</FormNotice>}
      {creating && (
        <CadreCreateForm
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
            data-testid="cadre-filter-search"
            placeholder={t('cadres.searchPlaceholder')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
      </form>
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
    </section>
  );
}
