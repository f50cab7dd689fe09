import type { ResultOf, VariablesOf } from '../../app/graphql';
import type { FieldControlProps } from '../../lib/form-field';
import { SearchSelect, type SearchSelectTexts } from '../../lib/search-select';
import { useGrantsI18n } from './grants-i18n';
import { CadrePickQuery, PostPickQuery } from './grants.operations';

export type PostOption = ResultOf<typeof PostPickQuery>['posts']['edges'][number]['node'];
export type CadreOption = ResultOf<typeof CadrePickQuery>['cadres']['edges'][number]['node'];

interface PickerProps<Option> {
  control: FieldControlProps;
  value: Option | null;
  onChange(option: Option | null): void;
  /** Only those of this region and the regions under it (the caller's jurisdiction). */
  regionId: string | null;
  testId: string;
}

function usePickerTexts(): SearchSelectTexts {
  const { t } = useGrantsI18n();
  return {
    placeholder: t('grants.pick.placeholder'),
    loading: t('state.loading'),
    none: t('grants.pick.none'),
    error: t('grants.pick.error'),
    more: (count) => t('grants.pick.more', { count }),
  };
}

/** A post of the jurisdiction, searched by title (either language) on the server, page by page. */
export function PostPicker({ control, value, onChange, regionId, testId }: PickerProps<PostOption>) {
  const { locale, regionName } = useGrantsI18n();
  const title = (post: PostOption) => (locale === 'zh-CN' ? post.titleZh : post.title);
  return (
    <SearchSelect<PostOption, ResultOf<typeof PostPickQuery>, VariablesOf<typeof PostPickQuery>>
      control={control}
      value={value}
      onChange={onChange}
      query={PostPickQuery}
      variables={(search, after) => ({ search, regionId, after })}
      page={({ posts }) => ({ options: posts.edges.map((edge) => edge.node), ...posts.pageInfo, totalCount: posts.totalCount })}
      label={title}
      renderOption={(post) => (
        <>
          <span>{title(post)}</span>
          <small>
            {post.region && regionName(post.region)}
            {post.holder?.cadre && ` · ${post.holder.cadre.name}`}
          </small>
        </>
      )}
      texts={usePickerTexts()}
      testId={testId}
    />
  );
}

/** A cadre of the jurisdiction, searched by name on the server, page by page. */
export function CadrePicker({ control, value, onChange, regionId, testId }: PickerProps<CadreOption>) {
  const { regionName } = useGrantsI18n();
  return (
    <SearchSelect<CadreOption, ResultOf<typeof CadrePickQuery>, VariablesOf<typeof CadrePickQuery>>
      control={control}
      value={value}
      onChange={onChange}
      query={CadrePickQuery}
      variables={(search, after) => ({ search, regionId, after })}
      page={({ cadres }) => ({ options: cadres.edges.map((edge) => edge.node), ...cadres.pageInfo, totalCount: cadres.totalCount })}
      label={(cadre) => cadre.name}
      renderOption={(cadre) => (
        <>
          <span>{cadre.name}</span>
          <small>{cadre.region && regionName(cadre.region)}</small>
        </>
      )}
      texts={usePickerTexts()}
      testId={testId}
    />
  );
}
