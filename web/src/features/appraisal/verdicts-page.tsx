import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useSession } from '../../app/session-provider';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { FormField } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { useAppraisalI18n } from './appraisal-i18n';
import { AppraisalTermsQuery, VerdictsQuery } from './appraisal.operations';
import { CadreGradeBadge, useNumberWords, type VerdictView } from './verdict-card';

type TermRow = ResultOf<typeof AppraisalTermsQuery>['terms']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** The current terms of a region of the jurisdiction with their verdicts (a page of terms, then their verdicts by id). */
export function VerdictsPage() {
  const { t, locale } = useAppraisalI18n();
  const words = useNumberWords();
  const { user } = useSession();
  const [region, setRegion] = useState<RegionOption | null>(user ? user.region : null);
  const pages = useCursorPages(region?.id ?? '', PAGE_SIZE);
  const [terms] = useQuery({ query: AppraisalTermsQuery, variables: { ...pages.variables, regionId: region?.id ?? null } });
  const termIds = useMemo(() => terms.data?.terms.edges.map((edge) => edge.node.id) ?? [], [terms.data]);
  const [verdicts] = useQuery({ query: VerdictsQuery, variables: { termIds }, pause: termIds.length === 0 });
  const verdictOf = useMemo(() => {
    const found = new Map<string, VerdictView>();
    for (const verdict of verdicts.data?.verdicts ?? []) if (verdict) found.set(verdict.term.id, verdict);
    return found;
  }, [verdicts.data]);

  const columns: Column<TermRow>[] = [
    { id: 'cadre', header: t('appraisal.column.cadre'), cell: (term) => term.cadre.name },
    { id: 'post', header: t('appraisal.column.post'), cell: (term) => (locale === 'zh-CN' ? term.post.titleZh : term.post.title) },
    { id: 'term', header: t('appraisal.column.term'), cell: (term) => `${term.startsOn} – ${term.endsOn}` },
    {
      id: 'score',
      header: t('appraisal.column.score'),
      cell: (term) => {
        const verdict = verdictOf.get(term.id);
        if (!verdict) return <span className="muted">{verdicts.fetching ? '…' : t('appraisal.verdicts.noVerdict')}</span>;
        return `${words.points(verdict.score)} (${words.points(verdict.low)}–${words.points(verdict.high)})`;
      },
    },
    {
      id: 'grade',
      header: t('appraisal.column.grade'),
      cell: (term) => {
        const verdict = verdictOf.get(term.id);
        return verdict ? <CadreGradeBadge grade={verdict.grade} uncertain={verdict.uncertain} /> : '—';
      },
    },
    {
      id: 'flags',
      header: t('appraisal.column.flags'),
      cell: (term) =>
        verdictOf
          .get(term.id)
          ?.flags.map((flag) => t(`appraisal.flag.${flag.code}`))
          .join(', ') || '—',
    },
    {
      id: 'open',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (term) => (
        <Link className="button" to={`/appraisal?term=${encodeURIComponent(term.id)}`} data-testid="appraisal-open">
          {t('appraisal.open')}
        </Link>
      ),
    },
  ];

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('appraisal.verdicts.title')}</h1>
      </header>
      <p className="page-intro">{t('appraisal.verdicts.intro')}</p>
      <div className="filters">
        <FormField label={t('field.region')}>
          {(control) => (
            <RegionSelect control={control} value={region} onChange={setRegion} withinId={user?.region.id} testId="verdicts-region" />
          )}
        </FormField>
      </div>
      {!terms.data && terms.fetching && <Loading />}
      {terms.error && <ErrorState error={terms.error} />}
      {terms.data && (
        <DataTable
          caption={t('appraisal.verdicts.title')}
          columns={columns}
          rows={terms.data.terms.edges.map((edge) => edge.node)}
          rowKey={(term) => term.id}
          page={pageOf(terms.data.terms, pages)}
          stale={terms.fetching}
          emptyMessage={t('appraisal.verdicts.none')}
        />
      )}
    </section>
  );
}
