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
import { PostCreateForm } from './cadre-forms';
import { postTitle, useCadresI18n } from './cadres-i18n';
import { PostsQuery } from './cadres.operations';

type PostRow = ResultOf<typeof PostsQuery>['posts']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** The posts, public, each with its holder today (or vacant); organizations record new ones. */
export function PostsPage() {
  const { t, locale, regionName } = useCadresI18n();
  const ability = useAppAbility();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText).trim();
  const filter = useMemo(() => ({ search: search || null }), [search]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Post', 'Term'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PostsQuery, variables: { ...pages.variables, filter }, context });

  const columns: Column<PostRow>[] = [
    { id: 'title', header: t('field.post'), cell: (post) => postTitle(post, locale) },
    { id: 'level', header: t('field.level'), cell: (post) => t(`postLevel.${post.level}`) },
    { id: 'region', header: t('field.region'), cell: (post) => regionName(post.region) },
    {
      id: 'holder',
      header: t('field.holder'),
      cell: (post) =>
        post.holder ? (
          <Link to={`/cadres/${post.holder.cadre.id}`} data-testid="post-holder">
            {post.holder.cadre.name}
          </Link>
        ) : (
          <span className="badge badge-inactive">{t('posts.vacant')}</span>
        ),
    },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('posts.title')}</h1>
          <p className="page-intro">{t('posts.intro')}</p>
        </div>
        {ability.can('create', 'Post') && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="post-create-open"
            onClick={() => {
              setCreating(true);
              setCreated(null);
            }}
          >
            {t('posts.create')}
          </button>
        )}
      </header>
      {created && <FormNotice>{t('posts.created', { title: created })}</FormNotice>}
      {creating && (
        <PostCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(title) => {
            setCreating(false);
            setCreated(title);
          }}
        />
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>{t('filter.search')}</span>
          <input
            type="search"
            data-testid="post-filter-search"
            placeholder={t('posts.searchPlaceholder')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('posts.title')}
          columns={columns}
          rows={data.posts.edges.map((edge) => edge.node)}
          rowKey={(post) => post.id}
          rowTestId="post-row"
          stale={fetching}
          emptyMessage={t('posts.none')}
          page={pageOf(data.posts, pages)}
        />
      )}
    </section>
  );
}
