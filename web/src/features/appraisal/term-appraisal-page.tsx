import { subject } from '@casl/ability';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { EmptyState, ErrorState, Loading } from '../../lib/states';
import { InspectionForm, SpecialAuditForm } from './appraisal-forms';
import { useAppraisalI18n } from './appraisal-i18n';
import { TermAppraisalQuery } from './appraisal.operations';
import { useNumberWords, VerdictCard } from './verdict-card';

type TermAppraisal = ResultOf<typeof TermAppraisalQuery>;
type AppraisedTerm = NonNullable<TermAppraisal['term']>;

/**
 * One term's appraisal: its verdict explained, and the inspections and special audits it stands on,
 * with forms to record new ones for an organization whose jurisdiction holds the post (records are
 * append-only: the latest counts).
 */
export function TermAppraisalPage() {
  const { t, locale } = useAppraisalI18n();
  const [params] = useSearchParams();
  const termId = params.get('term') ?? '';
  const context = useMemo(() => ({ additionalTypenames: ['Inspection', 'SpecialAudit'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TermAppraisalQuery, variables: { termId }, pause: !termId, context });

  if (!termId) return <EmptyState message={t('appraisal.term.notFound')} />;
  if (!data && fetching) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const term = data?.term;
  if (!data || !term) return <EmptyState message={t('appraisal.term.notFound')} />;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('appraisal.term.title', { name: term.cadre.name })}</h1>
        <p className="muted">
          {t('appraisal.term.post', {
            post: locale === 'zh-CN' ? term.post.titleZh : term.post.title,
            from: term.startsOn,
            to: term.endedOn ?? term.endsOn,
          })}
        </p>
      </header>
      {data.verdict ? <VerdictCard verdict={data.verdict} /> : <p className="card muted">{t('appraisal.verdicts.noVerdict')}</p>}
      <p className="muted">{t('appraisal.latestCounts')}</p>
      <Inspections term={term} inspections={data.inspections} onRecorded={refresh} />
      <SpecialAudits term={term} audits={data.specialAudits} onRecorded={refresh} />
    </section>
  );
}

function useMayRecord(term: AppraisedTerm, subjectName: 'Inspection' | 'SpecialAudit'): boolean {
  const ability = useAppAbility();
  return ability.can('create', subject(subjectName, { region: term.post.region }));
}

function Inspections({
  term,
  inspections,
  onRecorded,
}: {
  term: AppraisedTerm;
  inspections: TermAppraisal['inspections'];
  onRecorded(): void;
}) {
  const { t, formatDate } = useAppraisalI18n();
  const words = useNumberWords();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const mayRecord = useMayRecord(term, 'Inspection');
  return (
    <section className="card" aria-labelledby="inspections-title" data-testid="inspections">
      <header className="page-header-row">
        <h2 id="inspections-title">{t('appraisal.inspections.title')}</h2>
        {mayRecord && !recording && (
          <button type="button" className="button" data-testid="inspection-record-open" onClick={() => setRecording(true)}>
            {t('appraisal.inspections.record')}
          </button>
        )}
      </header>
      {recorded && <p role="status">{t('appraisal.inspections.recorded')}</p>}
      {recording && (
        <InspectionForm
          termId={term.id}
          termStartsOn={term.startsOn}
          onCancel={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            setRecorded(true);
            onRecorded();
          }}
        />
      )}
      {inspections.edges.length === 0 ? (
        <p className="muted">{t('appraisal.inspections.none')}</p>
      ) : (
        <ul className="record-list">
          {inspections.edges.map(({ node }) => (
            <li key={node.id} data-testid="inspection-row">
              <strong>{words.points(node.score)}</strong> · {formatDate(node.inspectedOn)} · {node.inspector}
              {node.reportedGrowth !== null && (
                <>
                  {' '}
                  · {t('appraisal.field.reportedGrowth')}: {words.points(node.reportedGrowth)}
                </>
              )}
              <p>{node.findings}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SpecialAudits({ term, audits, onRecorded }: { term: AppraisedTerm; audits: TermAppraisal['specialAudits']; onRecorded(): void }) {
  const { t, formatDate } = useAppraisalI18n();
  const words = useNumberWords();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const mayRecord = useMayRecord(term, 'SpecialAudit');
  return (
    <section className="card" aria-labelledby="audits-title" data-testid="special-audits">
      <header className="page-header-row">
        <h2 id="audits-title">{t('appraisal.audits.title')}</h2>
        {mayRecord && !recording && (
          <button type="button" className="button" data-testid="audit-record-open" onClick={() => setRecording(true)}>
            {t('appraisal.audits.record')}
          </button>
        )}
      </header>
      {recorded && <p role="status">{t('appraisal.audits.recorded')}</p>}
      {recording && (
        <SpecialAuditForm
          termId={term.id}
          termStartsOn={term.startsOn}
          onCancel={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            setRecorded(true);
            onRecorded();
          }}
        />
      )}
      {audits.edges.length === 0 ? (
        <p className="muted">{t('appraisal.audits.none')}</p>
      ) : (
        <ul className="record-list">
          {audits.edges.map(({ node }) => (
            <li key={node.id} data-testid="audit-row">
              <strong>{node.auditBody}</strong> · {formatDate(node.auditedOn)}
              <br />
              {t('appraisal.field.debtAtStart')}:{' '}
              {t('appraisal.debtChange', { from: words.amount(node.debtAtStart), to: words.amount(node.debtAtEnd) })} ·{' '}
              {t('appraisal.spendingShares', {
                irregular: words.amount(node.irregularFunds),
                showcase: words.amount(node.showcaseSpending),
                total: words.amount(node.totalSpending),
              })}{' '}
              · {t('appraisal.field.auditFindings')}: {node.findings}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
