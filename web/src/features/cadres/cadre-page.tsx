import { subject } from '@casl/ability';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { DataTable, type Column } from '../../lib/data-table';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { FeatureMessages } from '../../app/i18n/i18n-provider';
import { appraisalFeature } from '../appraisal/appraisal.feature';
import { grantsFeature } from '../grants/grants.feature';
import { useGrantsI18n } from '../grants/grants-i18n';
import { CadreGrants } from './cadre-grants';
import { TermVerdictSummary } from './term-verdict-summary';
import { TermCreateForm, TermEndForm } from './cadre-forms';
import { postTitle, useCadresI18n } from './cadres-i18n';
import { CadreQuery } from './cadres.operations';

type TermRow = NonNullable<ResultOf<typeof CadreQuery>['cadre']>['terms'][number];

/**
 * One cadre: their power grants (who granted, by what procedure, with what participation) and their
 * terms, each with its grant and, for those who may read it, its verdict — drawn with the appraisal's
 * own components and the grants' words, whose messages load beside the cadres'. Organizations of the post's jurisdiction
 * record a new term or end one.
 */
export function CadrePage() {
  return (
    <FeatureMessages loaders={appraisalFeature.messages}>
      <FeatureMessages loaders={grantsFeature.messages}>
        <CadrePageContent />
      </FeatureMessages>
    </FeatureMessages>
  );
}

function CadrePageContent() {
  const { id = '' } = useParams();
  const { t, locale, regionName } = useCadresI18n();
  const { t: grantWord } = useGrantsI18n();
  const ability = useAppAbility();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const context = useMemo(() => ({ additionalTypenames: ['Term', 'Grant'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CadreQuery, variables: { id }, context });
  const cadre = data?.cadre;
  const mayEnd = (term: TermRow) => !term.endedOn && ability.can('update', subject('Term', { region: { path: term.post.region.path } }));
  const today = new Date().toISOString().slice(0, 10);

  const columns: Column<TermRow>[] = [
    { id: 'post', header: t('field.post'), cell: (term) => postTitle(term.post, locale) },
    { id: 'region', header: t('field.region'), cell: (term) => regionName(term.post.region) },
    { id: 'startsOn', header: t('field.startsOn'), cell: (term) => term.startsOn },
    { id: 'endsOn', header: t('field.endsOn'), cell: (term) => term.endsOn },
    {
      id: 'status',
      header: t('field.endReason'),
      cell: (term) =>
        term.current ? (
          <span className="badge badge-active">{t('term.current')}</span>
        ) : term.endedOn ? (
          <span data-testid="term-ended">
            {t(`endReason.${term.endReason ?? 'EXPIRY'}`)} · {term.endedOn}
          </span>
        ) : (
          <span className="muted">{term.startsOn > today ? t('term.upcoming') : t('term.past')}</span>
        ),
    },
    {
      id: 'grant',
      header: t('field.grant'),
      cell: (term) =>
        term.grant ? (
          <span data-testid="term-grant">
            {term.grant.bodyName} ({grantWord(`bodyKind.${term.grant.bodyKind}`)}) · {grantWord(`grantMethod.${term.grant.method}`)}
          </span>
        ) : (
          <span className="muted">{t('term.noGrant')}</span>
        ),
    },
    ...(ability.can('read', 'Verdict')
      ? [
          {
            id: 'verdict',
            header: t('field.verdict'),
            cell: (term: TermRow) =>
              term.verdict ? <TermVerdictSummary verdict={term.verdict} /> : <span className="muted">{t('term.noVerdict')}</span>,
          },
        ]
      : []),
    {
      id: 'actions',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (term) =>
        mayEnd(term) && ending !== term.id ? (
          <button type="button" className="button button-small" data-testid="term-end-open" onClick={() => setEnding(term.id)}>
            {t('term.end')}
          </button>
        ) : null,
    },
  ];

  if (!data && fetching) return <Loading />;
  if (error && !cadre) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!cadre) return <p className="state">{t('cadre.notFound')}</p>;
  const endingTerm = cadre.terms.find((term) => term.id === ending);

  return (
    <section className="page">
      <p>
        <Link to="/cadres">← {t('cadre.back')}</Link>
      </p>
      <header className="page-header page-header-row">
        <div>
          <h1 data-testid="cadre-name-heading">{cadre.name}</h1>
          <p className="page-intro">{regionName(cadre.region)}</p>
        </div>
        {ability.can('create', 'Term') && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="term-create-open"
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            {t('term.create')}
          </button>
        )}
      </header>
      {notice && <FormNotice>{notice}</FormNotice>}
      {creating && (
        <TermCreateForm
          cadreId={cadre.id}
          cadreName={cadre.name}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setNotice(t('term.created'));
          }}
        />
      )}
      {endingTerm && (
        <TermEndForm
          term={endingTerm}
          onCancel={() => setEnding(null)}
          onEnded={() => {
            setEnding(null);
            setNotice(t('term.ended.notice'));
          }}
        />
      )}
      <h2>{t('cadre.grants')}</h2>
      <CadreGrants grants={cadre.grants} />
      <h2>{t('cadre.terms')}</h2>
      <DataTable
        caption={t('cadre.terms')}
        columns={columns}
        rows={cadre.terms}
        rowKey={(term) => term.id}
        rowTestId="term-row"
        stale={fetching}
        emptyMessage={t('cadre.noTerms')}
      />
    </section>
  );
}
