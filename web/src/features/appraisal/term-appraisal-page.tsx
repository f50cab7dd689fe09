import { subject } from '@casl/ability';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { EmptyState, ErrorState, Loading } from '../../lib/states';
import { InspectionForm, SpecialAuditForm } from './appraisal-forms';
import { useAppraisalI18n, type AppraisalMessageKey } from './appraisal-i18n';
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

/** What differs between the two kinds of record a term's page lists: their words, test ids, form and row. */
interface RecordKind<Row> {
  subject: 'Inspection' | 'SpecialAudit';
  /** The section's test id; its button is `${testId}-record-open`, each row `${testId}-row`. */
  testId: 'inspection' | 'audit';
  listTestId: string;
  words: { title: AppraisalMessageKey; record: AppraisalMessageKey; recorded: AppraisalMessageKey; none: AppraisalMessageKey };
  Form: typeof InspectionForm;
  row(node: Row): ReactNode;
}

/** One kind of record of a term: its list (latest first), and the form to record one for whoever may. */
function RecordSection<Row extends { id: string }>({
  kind,
  term,
  rows,
  onRecorded,
}: {
  kind: RecordKind<Row>;
  term: AppraisedTerm;
  rows: readonly Row[];
  onRecorded(): void;
}) {
  const { t } = useAppraisalI18n();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const mayRecord = useMayRecord(term, kind.subject);
  const { Form } = kind;
  return (
    <section className="card" aria-labelledby={`${kind.testId}-records-title`} data-testid={kind.listTestId}>
      <header className="page-header-row">
        <h2 id={`${kind.testId}-records-title`}>{t(kind.words.title)}</h2>
        {mayRecord && !recording && (
          <button type="button" className="button" data-testid={`${kind.testId}-record-open`} onClick={() => setRecording(true)}>
            {t(kind.words.record)}
          </button>
        )}
      </header>
      {recorded && <p role="status">{t(kind.words.recorded)}</p>}
      {recording && (
        <Form
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
      {rows.length === 0 ? (
        <p className="muted">{t(kind.words.none)}</p>
      ) : (
        <ul className="record-list">
          {rows.map((node) => (
            <li key={node.id} data-testid={`${kind.testId}-row`}>
              {kind.row(node)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type InspectionRow = TermAppraisal['inspections']['edges'][number]['node'];
type AuditRow = TermAppraisal['specialAudits']['edges'][number]['node'];

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
  const kind: RecordKind<InspectionRow> = {
    subject: 'Inspection',
    testId: 'inspection',
    listTestId: 'inspections',
    words: {
      title: 'appraisal.inspections.title',
      record: 'appraisal.inspections.record',
      recorded: 'appraisal.inspections.recorded',
      none: 'appraisal.inspections.none',
    },
    Form: InspectionForm,
    row: (node) => (
      <>
        <strong>{words.points(node.score)}</strong> · {formatDate(node.inspectedOn)} · {node.inspector}
        {node.reportedGrowth !== null && (
          <>
            {' '}
            · {t('appraisal.field.reportedGrowth')}: {words.points(node.reportedGrowth)}
          </>
        )}
        <p>{node.findings}</p>
      </>
    ),
  };
  return <RecordSection kind={kind} term={term} rows={inspections.edges.map((edge) => edge.node)} onRecorded={onRecorded} />;
}

function SpecialAudits({ term, audits, onRecorded }: { term: AppraisedTerm; audits: TermAppraisal['specialAudits']; onRecorded(): void }) {
  const { t, formatDate } = useAppraisalI18n();
  const words = useNumberWords();
  const kind: RecordKind<AuditRow> = {
    subject: 'SpecialAudit',
    testId: 'audit',
    listTestId: 'special-audits',
    words: {
      title: 'appraisal.audits.title',
      record: 'appraisal.audits.record',
      recorded: 'appraisal.audits.recorded',
      none: 'appraisal.audits.none',
    },
    Form: SpecialAuditForm,
    row: (node) => (
      <>
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
      </>
    ),
  };
  return <RecordSection kind={kind} term={term} rows={audits.edges.map((edge) => edge.node)} onRecorded={onRecorded} />;
}
