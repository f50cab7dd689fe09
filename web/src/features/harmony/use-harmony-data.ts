import { comparePeriods } from '@massline/shared';
import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { AssessmentPeriodsQuery, IndicatorsQuery } from './indicator.operations';

export type CatalogueIndicator = ResultOf<typeof IndicatorsQuery>['indicators']['edges'][number]['node'];

export interface IndicatorCatalogue {
  indicators: readonly CatalogueIndicator[];
  byCode: ReadonlyMap<string, CatalogueIndicator>;
  fetching: boolean;
  error: CombinedError | undefined;
}

/** The indicator catalogue, asked once and then served from the cache by every harmony page. */
export function useIndicatorCatalogue(): IndicatorCatalogue {
  const [{ data, fetching, error }] = useQuery({ query: IndicatorsQuery });
  return useMemo(() => {
    const indicators = data?.indicators.edges.map((edge) => edge.node) ?? [];
    return { indicators, byCode: new Map(indicators.map((indicator) => [indicator.code, indicator])), fetching, error };
  }, [data, fetching, error]);
}

export interface AssessedPeriod {
  period: string;
  published: boolean;
}

/** The periods assessed for a region, newest first (for period pickers). */
export function useAssessedPeriods(regionId: string | null | undefined): {
  periods: AssessedPeriod[];
  fetching: boolean;
  error: CombinedError | undefined;
} {
  const [{ data, fetching, error }] = useQuery({
    query: AssessmentPeriodsQuery,
    variables: { regionId: regionId ?? '' },
    pause: !regionId,
  });
  const periods = useMemo(
    () =>
      (data?.assessments.edges.map(({ node }) => ({ period: node.period, published: node.published })) ?? []).sort((a, b) =>
        comparePeriods(b.period, a.period),
      ),
    [data],
  );
  return { periods, fetching, error };
}
