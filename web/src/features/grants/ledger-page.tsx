import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import { ErrorState, Loading } from '../../lib/states';
import './grants.css';
import { useGrantsI18n, type GrantsMessageKey } from './grants-i18n';
import { checkInclusionProof, verificationChunks, type ProofCheck } from './ledger-proof-check';
import { LedgerHeadQuery, LedgerInclusionProofQuery, VerifyLedgerQuery } from './ledger.operations';

/** Entries per verifyLedger request: a long chain is verified range by range, with progress. */
const CHUNK = 1000;

interface Verification {
  done: number;
  total: number;
  result: { valid: true; checked: number } | { valid: false; sequence: number; reason: string } | null;
}

/** Auditors verify the chain (whole or a range) in chunks, with progress, and see the first broken entry and why. */
function VerifySection({ treeSize }: { treeSize: number }) {
  const { t } = useGrantsI18n();
  const client = useClient();
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState(String(treeSize));
  const [state, setState] = useState<Verification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const start = Math.max(0, Number(from) || 0);
    const end = Math.min(treeSize, Number(to) || treeSize);
    const chunks = verificationChunks(start, end, CHUNK);
    let checked = 0;
    setFailure(null);
    setState({ done: 0, total: end - start, result: null });
    for (const chunk of chunks) {
      const answer = await client.query(VerifyLedgerQuery, chunk, { requestPolicy: 'network-only' }).toPromise();
      const verification = answer.data?.verifyLedger;
      if (!verification) {
        setFailure(answer.error?.message ?? '');
        return;
      }
      checked += verification.checked;
      if (verification.firstBroken) {
        const { sequence, reason } = verification.firstBroken;
        setState({ done: checked, total: end - start, result: { valid: false, sequence, reason } });
        return;
      }
      setState({ done: checked, total: end - start, result: null });
    }
    setState({ done: checked, total: end - start, result: { valid: true, checked } });
  };

  return (
    <form className="form card" onSubmit={run} aria-labelledby="ledger-verify-title">
      <h2 id="ledger-verify-title">{t('ledger.verify')}</h2>
      <div className="form-grid">
        <label className="filter">
          <span>{t('ledger.from')}</span>
          <input type="number" min={0} data-testid="ledger-from" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="filter">
          <span>{t('ledger.to')}</span>
          <input type="number" min={0} data-testid="ledger-to" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      <button type="submit" className="button button-primary" data-testid="ledger-check-run">
        {t('ledger.verifyRun')}
      </button>
      {state && (
        <p>
          <progress max={Math.max(1, state.total)} value={state.done} data-testid="ledger-progress" />{' '}
          {t('ledger.progress', { done: state.done, total: state.total })}
        </p>
      )}
      {failure !== null && <p className="alert alert-error">{failure}</p>}
      {state?.result?.valid === true && (
        <p className="alert alert-success" data-testid="ledger-result">
          {t('ledger.valid', { checked: state.result.checked })}
        </p>
      )}
      {state?.result?.valid === false && (
        <p className="alert alert-error" data-testid="ledger-result">
          {t('ledger.broken', { sequence: state.result.sequence, reason: t(`ledgerBreak.${state.result.reason}` as GrantsMessageKey) })}
        </p>
      )}
    </form>
  );
}

/** Anyone checks an inclusion proof in this browser: the entry's leaf up the audit path to the signed root, and the head's signature. */
function ProofSection({ publicKeyPem }: { publicKeyPem: string }) {
  const { t } = useGrantsI18n();
  const client = useClient();
  const [params] = useSearchParams();
  const [recordId, setRecordId] = useState(params.get('record') ?? '');
  const [outcome, setOutcome] = useState<{ check: ProofCheck; sequence: number; treeSize: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    setFailure(null);
    const answer = await client
      .query(LedgerInclusionProofQuery, { recordId: recordId.trim() }, { requestPolicy: 'network-only' })
      .toPromise();
    const proof = answer.data?.ledgerInclusionProof;
    if (!proof) {
      setFailure(answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? '');
      return;
    }
    const check = await checkInclusionProof(proof, publicKeyPem);
    setOutcome({ check, sequence: proof.entry.sequence, treeSize: proof.treeSize });
  };

  return (
    <form className="form card" onSubmit={run} aria-labelledby="ledger-proof-title">
      <h2 id="ledger-proof-title">{t('ledger.proof')}</h2>
      <label className="filter">
        <span>{t('ledger.recordId')}</span>
        <input data-testid="ledger-record-id" value={recordId} onChange={(event) => setRecordId(event.target.value)} />
      </label>
      <button type="submit" className="button button-primary" data-testid="ledger-proof-run">
        {t('ledger.proofRun')}
      </button>
      {failure !== null && <p className="alert alert-error">{failure}</p>}
      {outcome &&
        (outcome.check.signatureValid && outcome.check.includedInRoot ? (
          <p className="alert alert-success" data-testid="ledger-proof-result">
            {t('ledger.proofValid', { sequence: outcome.sequence, treeSize: outcome.treeSize })}
          </p>
        ) : (
          <p className="alert alert-error" data-testid="ledger-proof-result">
            {t('ledger.proofInvalid', {
              what: t(outcome.check.signatureValid ? 'ledger.proofNotIncluded' : 'ledger.proofBadSignature'),
            })}
          </p>
        ))}
    </form>
  );
}

/** The ledger, public: its signed head and a proof check for anyone; the verification of the chain for auditors. */
export function LedgerPage() {
  const { t } = useGrantsI18n();
  const ability = useAppAbility();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: LedgerHeadQuery, requestPolicy: 'network-only' });
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading /> : null;
  const head = data.ledgerHead;
  return (
    <section className="page grants-page">
      <header className="page-header">
        <h1>{t('ledger.title')}</h1>
        <p className="page-intro">{t('ledger.intro')}</p>
      </header>
      <h2>{t('ledger.head')}</h2>
      <dl className="card facts" data-testid="ledger-head">
        <div>
          <dt>{t('ledger.size')}</dt>
          <dd data-testid="ledger-size">{head.treeSize}</dd>
        </div>
        <div>
          <dt>{t('ledger.root')}</dt>
          <dd>
            <code>{head.rootHash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('ledger.time')}</dt>
          <dd>{head.timestamp}</dd>
        </div>
        <div>
          <dt>{t('ledger.signature')}</dt>
          <dd>
            <code className="wrap">{head.signature}</code>
          </dd>
        </div>
        <div>
          <dt>{t('ledger.publicKey')}</dt>
          <dd>
            <pre className="wrap">{data.ledgerPublicKey.pem}</pre>
          </dd>
        </div>
      </dl>
      {ability.can('verify', 'Ledger') && <VerifySection treeSize={head.treeSize} />}
      <ProofSection publicKeyPem={data.ledgerPublicKey.pem} />
    </section>
  );
}
