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
    <RecordListPage
      title={t('posts.title')}
      intro={t('posts.intro')}
      create={ability.can('create', 'Post') ? { label: t('posts.create'), testId: 'post-create-open' } : null}
      form={({ onCreated, onCancel }) => (
        <PostCreateForm onCancel={onCancel} onCreated={(title) => onCreated(t('posts.created', { title }))} />
      )}
      search={{ value: searchText, onChange: setSearchText, placeholder: t('posts.searchPlaceholder'), testId: 'post-filter-search' }}
    >
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
    </RecordListPage>
  );
}
