import type { RegionLevel } from '@massline/shared';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import { useI18n } from '../../app/i18n/i18n-provider';
import type { FieldControlProps } from '../../lib/form-field';
import { SearchSelect } from '../../lib/search-select';
import { RegionSearchQuery } from './region.operations';

type RegionSearchNode = ResultOf<typeof RegionSearchQuery>['regions']['edges'][number]['node'];
/** A picked region: as the search returns it, or given from elsewhere (the user's own) without the labelling fields. */
export type RegionOption = Omit<RegionSearchNode, 'nameRepeats' | 'parent'> & Partial<Pick<RegionSearchNode, 'nameRepeats' | 'parent'>>;

interface RegionSelectProps {
  control: FieldControlProps;
  value: RegionOption | null;
  onChange(region: RegionOption | null): void;
  /** Only regions of this level (e.g. a citizen's residence is a township). */
  level?: RegionLevel;
  /** Only this region and the regions under it (e.g. the caller's jurisdiction). */
  withinId?: string;
  /** The input gets this test id, each option `${testId}-option`. */
  testId: string;
}

/** A searchable region picker (a combobox): type part of a name or the start of a code, pick one. */
export function RegionSelect({ control, value, onChange, level, withinId, testId }: RegionSelectProps) {
  const { t, regionName } = useI18n();
  return (
    <SearchSelect<RegionOption, ResultOf<typeof RegionSearchQuery>, VariablesOf<typeof RegionSearchQuery>>
      control={control}
      value={value}
      onChange={onChange}
      query={RegionSearchQuery}
      variables={(search, after) => ({ search, level: level ?? null, withinId: withinId ?? null, after })}
      page={({ regions }) => ({ options: regions.edges.map((edge) => edge.node), ...regions.pageInfo, totalCount: regions.totalCount })}
      label={(region) => `${regionName(region)} (${region.code})`}
      renderOption={(region) => (
        <>
          <span>{regionName(region)}</span>
          <small>
            {region.code} · {t(`level.${region.level}`)}
          </small>
        </>
      )}
      texts={{
        placeholder: t('regionSelect.placeholder'),
        loading: t('state.loading'),
        none: t('regionSelect.none'),
        error: t('regionSelect.error'),
        more: (count) => t('regionSelect.more', { count }),
      }}
      testId={testId}
    />
  );
}
