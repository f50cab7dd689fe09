import { subject } from '@casl/ability';
import { grants } from '@massline/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField, FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { GrantStatusBadge } from './grants-page';
import './grants.css';
import { useGrantsI18n, type GrantsMessageKey } from './grants-i18n';
import { AnswerObjectionMutation, FileObjectionMutation, GrantQuery } from './grants.operations';
import { factsObject, nextStep, stepProblems, type StepContext } from './step-check';
import { GrantEndingForm } from './grant-ending-form';
import { StepCorrectionForm } from './step-correction-form';
import { StepForm, useRuleText, useWorkingCalendar } from './step-form';

type GrantView = NonNullable<ResultOf<typeof GrantQuery>['grant']>;
type StepView = GrantView['steps'][number];
type ObjectionView = GrantView['objections'][number];

/** A ledger entry's hashes and the link that checks its inclusion proof. */
function LedgerHashes({ recordId, entry }: { recordId: string; entry: { sequence: number; entryHash: string } | null }) {
  const { t } = useGrantsI18n();
  if (!entry) return null;
  return (
    <p className="muted ledger-hashes" data-testid="ledger-entry">
      {t('grant.ledger')} #{entry.sequence} · <code>{entry.entryHash}</code> ·{' '}
      <Link to={`/ledger?record=${encodeURIComponent(recordId)}`} data-testid="ledger-proof-link">
        {t('grant.verifyProof')}
      </Link>
    </p>
  );
}

/** A step's facts, labelled. */
function Facts({ facts }: { facts: unknown }) {
  const { t } = useGrantsI18n();
  const show = (value: unknown) =>
    Array.isArray(value)
      ? value.map((candidate: { name?: string; votes?: number }) => `${candidate.name ?? ''} ${candidate.votes ?? ''}`.trim()).join(', ')
      : value === 'CONFIRMED' || value === 'REMOVED'
        ? t(`outcome.${value}`)
        : String(value);
  return (
    <dl className="facts">
      {Object.entries(factsObject(facts)).map(([name, value]) => (
        <div key={name}>
          <dt>{t(`fact.${name}` as GrantsMessageKey)}</dt>
          <dd>{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The procedure as a timeline: each step's facts, its rules checked again here (green, or why not), its corrections and ledger entry. */
function Timeline({
  grant,
  calendar,
  mayCorrect,
  onCorrected,
}: {
  grant: GrantView;
  calendar: grants.WorkingDayCalendar;
  /** The organization of the jurisdiction: each step offers a correction (a record of a past grant may be corrected too). */
  mayCorrect: boolean;
  onCorrected(): void;
}) {
  const { t, formatDateTime } = useGrantsI18n();
  const ruleText = useRuleText();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const check = (step: StepView, index: number) => {
    const before: StepContext = { method: grant.method, steps: grant.steps.slice(0, index), objections: [], calendar };
    // Objections weigh on taking effect only: they were all answered when it was recorded, or it would not be.
    const objections = step.step === 'TAKING_EFFECT' ? grant.objections.filter((o) => o.upheld !== null) : [];
    return stepProblems(step.step, step.date, step.facts, { ...before, objections });
  };
  if (grant.steps.length === 0) return <p className="muted">{t('grant.noSteps')}</p>;
  return (
    <ol className="timeline" data-testid="grant-timeline">
      {grant.steps.map((step, index) => {
        const broken = check(step, index);
        return (
          <li key={step.id} className="card" data-testid="grant-step">
            <h3>
              {t(`grantStep.${step.step}`)} · {step.date} {step.corrected && <span className="badge">{t('grant.corrected')}</span>}
            </h3>
            <Facts facts={step.facts} />
            {broken.length === 0 ? (
              <p className="badge badge-active" data-testid="grant-step-check">
                ✓ {t('grant.rulesMet')}
              </p>
            ) : (
              <p className="badge badge-inactive" data-testid="grant-step-check">
                {ruleText(broken[0])}
              </p>
            )}
            {step.history.length > 1 && (
              <details data-testid="grant-step-history">
                <summary>{t('grant.history')}</summary>
                <ol>
                  {step.history.map((version, at) => (
                    <li key={version.recordId}>
                      {at === 0 ? t('grant.historyFirst') : version.reason} · {formatDateTime(version.recordedAt)} · {version.date}
                      <Facts facts={version.facts} />
                    </li>
                  ))}
                </ol>
              </details>
            )}
            <LedgerHashes recordId={step.id} entry={step.ledgerEntry} />
            {mayCorrect &&
              (correcting === step.id ? (
                <StepCorrectionForm
                  index={index}
                  stepId={step.id}
                  context={{ method: grant.method, steps: grant.steps, objections: grant.objections, calendar }}
                  onCancel={() => setCorrecting(null)}
                  onCorrected={() => {
                    setCorrecting(null);
                    onCorrected();
                  }}
                />
              ) : (
                <button type="button" className="button" data-testid="grant-step-correct" onClick={() => setCorrecting(step.id)}>
                  {t('grant.correct')}
                </button>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

/** An organization answers an objection: upheld (the grant stops) or not, with reasons. */
function AnswerForm({ objection, onAnswered }: { objection: ObjectionView; onAnswered(): void }) {
  const { t } = useGrantsI18n();
  const [reasons, setReasons] = useState('');
  const [upheld, setUpheld] = useState(false);
  const answer = useApiMutation(AnswerObjectionMutation);
  const fields = useFieldMessages(answer.error);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await answer.run({ input: { objectionId: objection.id, upheld, reasons: reasons.trim() } })) onAnswered();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="objection-answer-form">
      <FormAlert error={answer.error} />
      <FormField label={t('grant.answerReasons')} error={fields.reasons}>
        {(control) => (
          <textarea
            {...control}
            data-testid="objection-answer-reasons"
            value={reasons}
            onChange={(event) => setReasons(event.target.value)}
          />
        )}
      </FormField>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="objection-answer-upheld"
          checked={upheld}
          onChange={(event) => setUpheld(event.target.checked)}
        />
        {t('grant.answerUphold')}
      </label>
      <button type="submit" className="button button-primary" data-testid="objection-answer-submit" disabled={answer.fetching}>
        {t('grant.answerSubmit')}
      </button>
    </form>
  );
}

/** A citizen objects to a grant in notice: named or anonymous, the text and the evidence. */
function ObjectionForm({ grantId, onFiled }: { grantId: string; onFiled(): void }) {
  const { t } = useGrantsI18n();
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  /** An anonymous objection's receipt, as the server gave it: shown here once, kept nowhere. */
  const [receipt, setReceipt] = useState<string | null>(null);
  const file = useApiMutation(FileObjectionMutation);
  const fields = useFieldMessages(file.error);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const filed = await file.run({ input: { grantId, text: text.trim(), evidence: evidence.trim() || null, anonymous } });
    if (filed) {
      setText('');
      setEvidence('');
      setReceipt(filed.fileObjection.receipt ?? null);
      onFiled();
    }
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="objection-title" data-testid="objection-form">
      <h3 id="objection-title">{t('grant.object')}</h3>
      <FormAlert error={file.error} />
      {receipt && (
        <div className="alert alert-success" role="status" data-testid="objection-receipt-notice">
          <p>{t('grant.receiptShownOnce')}</p>
          <p>
            <strong data-testid="objection-receipt">{receipt}</strong>
          </p>
          <p>
            <Link to="/my-objections">{t('grant.receiptWhere')}</Link>
          </p>
        </div>
      )}
      <FormField label={t('grant.objectText')} error={fields.text}>
        {(control) => <textarea {...control} data-testid="objection-text" value={text} onChange={(event) => setText(event.target.value)} />}
      </FormField>
      <FormField label={t('grant.objectEvidence')} error={fields.evidence}>
        {(control) => (
          <input {...control} data-testid="objection-evidence" value={evidence} onChange={(event) => setEvidence(event.target.value)} />
        )}
      </FormField>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="objection-anonymous"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        {t('grant.objectAnonymous')}
      </label>
      <button type="submit" className="button button-primary" data-testid="objection-submit" disabled={file.fetching}>
        {t('grant.objectSubmit')}
      </button>
    </form>
  );
}

/**
 * One power grant: who, which post, by whom; mass participation in substance; the procedure as a timeline
 * with its rule checks, corrections and ledger entries; the notice's objections and their answers; the
 * ending. The organization of the jurisdiction records the next step and answers objections; a citizen
 * of the region objects while the notice is open.
 */
export function GrantPage() {
  const { id = '' } = useParams();
  const { t, locale, regionName, formatDateTime } = useGrantsI18n();
  const ability = useAppAbility();
  const [notice, setNotice] = useState<string | null>(null);
  const context = useMemo(() => ({ additionalTypenames: ['Grant', 'GrantObjection'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: GrantQuery, variables: { id }, context });
  const grant = data?.grant;
  // The holidays of the year its notice began (the timeline's checks), and of this year (the next step's).
  const year = new Date().getUTCFullYear();
  // Before the notice is recorded, its start is due after the decision: the decision's year.
  const noticeStart = grant?.steps.find((step) => step.step === 'NOTICE') ?? grant?.steps.find((step) => step.step === 'DECISION');
  const noticeYear = Number(noticeStart?.date.slice(0, 4) ?? year);
  const calendar = useWorkingCalendar(noticeYear, year);
  const reload = (text: string) => {
    setNotice(text);
    reexecute({ requestPolicy: 'network-only' });
  };

  if (!data && fetching) return <Loading />;
  if (error && !grant) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!grant) return <p className="state">{t('grant.notFound')}</p>;
  const mayRecord = grant.region !== null && ability.can('update', subject('Grant', { region: { path: grant.region.path } }));
  const next = grant.status === 'STOPPED' || grant.status === 'ENDED' ? null : nextStep(grant.method, grant.steps);
  const { participation } = grant;
  const mayObject = grant.status === 'NOTICE' && ability.can('create', 'GrantObjection');
  // The server ends only a grant in force (it took effect, and no probation ended it).
  const mayEnd = mayRecord && (grant.status === 'IN_EFFECT' || grant.status === 'PROBATION');

  return (
    <section className="page grants-page">
      <p>
        <Link to="/grants">← {t('grant.back')}</Link>
      </p>
      <header className="page-header">
        <h1 data-testid="grant-heading">
          {grant.post ? (locale === 'zh-CN' ? grant.post.titleZh : grant.post.title) : '—'} · {grant.cadre?.name}
        </h1>
        <p className="page-intro">
          {grant.region && regionName(grant.region)} · {t(`grantMethod.${grant.method}`)} · {grant.bodyName} (
          {t(`bodyKind.${grant.bodyKind}`)}) · <GrantStatusBadge status={grant.status} />
        </p>
        {grant.term && (
          <p data-testid="grant-term">
            {t('grant.term', { startsOn: grant.term.startsOn, endsOn: grant.term.endsOn })}
            {grant.term.endedOn && grant.term.endReason && (
              <> · {t('grant.termEnded', { endedOn: grant.term.endedOn, reason: t(`endReason.${grant.term.endReason}`) })}</>
            )}
          </p>
        )}
        <LedgerHashes recordId={grant.id} entry={grant.ledgerEntry} />
      </header>
      {notice && <FormNotice>{notice}</FormNotice>}

      <h2>{t('grant.participation')}</h2>
      <ul className="card" data-testid="grant-participation">
        {participation.entitled !== null && participation.participants !== null && (
          <li>{t('grant.participants', { participants: participation.participants, entitled: participation.entitled })}</li>
        )}
        {participation.interviews !== null && <li>{t('grant.interviews', { interviews: participation.interviews })}</li>}
        <li>
          {t('grant.objectionCount', {
            objections: participation.objections,
            upheld: participation.upheld,
            notUpheld: participation.notUpheld,
            unanswered: participation.unanswered,
          })}
        </li>
      </ul>

      <h2>{t('grant.timeline')}</h2>
      <Timeline grant={grant} calendar={calendar} mayCorrect={mayRecord} onCorrected={() => reload(t('grant.stepCorrected'))} />
      {mayRecord && next && (
        <StepForm
          key={next}
          grantId={grant.id}
          step={next}
          context={{ method: grant.method, steps: grant.steps, objections: grant.objections, calendar }}
          onRecorded={() => reload(t('grant.stepRecorded'))}
        />
      )}

      <h2>{t('grant.objections')}</h2>
      {grant.objections.length === 0 && <p className="muted">{t('grant.noObjections')}</p>}
      <ul className="objections">
        {grant.objections.map((objection) => (
          <li key={objection.id} className="card" data-testid="grant-objection">
            <p>
              <strong>{objection.filerName ?? t('grant.anonymous')}</strong> · {formatDateTime(objection.filedAt)}
            </p>
            <p>{objection.text}</p>
            {objection.evidence && (
              <p className="muted">
                {t('grant.evidence')}: {objection.evidence}
              </p>
            )}
            {objection.upheld === null ? (
              <p className="muted" data-testid="objection-answer">
                {t('grant.unanswered')}
              </p>
            ) : (
              <p data-testid="objection-answer">
                <span className={`badge badge-${objection.upheld ? 'inactive' : 'active'}`}>
                  {objection.upheld ? t('grant.upheld') : t('grant.notUpheld')}
                </span>{' '}
                {objection.reasons}
              </p>
            )}
            {mayRecord && objection.upheld === null && <AnswerForm objection={objection} onAnswered={() => reload(t('grant.answered'))} />}
          </li>
        ))}
      </ul>
      {mayObject && <ObjectionForm grantId={grant.id} onFiled={() => reload(t('grant.objected'))} />}

      {mayEnd && <GrantEndingForm grantId={grant.id} onEnded={() => reload(t('grant.ended'))} />}
      {grant.ending && (
        <>
          <h2>{t('grant.ending')}</h2>
          <p className="card" data-testid="grant-ending">
            {t(`endReason.${grant.ending.reason}`)} · {grant.ending.endedOn} · {grant.ending.decidedBy}: {grant.ending.why}
          </p>
        </>
      )}
    </section>
  );
}
