import { evaluation } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { toApiError, type ApiError } from '../../app/api-error';
import type { ResultOf } from '../../app/graphql';
import { FormAlert, FormField } from '../../lib/form-field';
import { BallotReceiptQuery } from './ballot.operations';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle } from './evaluation-words';
import './evaluation.css';

type ReceiptCheck = ResultOf<typeof BallotReceiptQuery>['ballotReceipt'];

/**
 * Is my ballot counted? Anyone with a receipt code may ask (signed in or not): the answer is yes and in
 * which campaign, or no. It never says what the ballot said, so a receipt proves nothing to a buyer.
 */
export function ReceiptCheckPage() {
  const { t, locale } = useEvaluationI18n();
  const client = useClient();
  const [typed, setTyped] = useState('');
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<{ code: string; check: ReceiptCheck } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // As typed or pasted: case, dashes, spaces and look-alike letters do not matter (shared's normalizeReceiptCode).
    const code = evaluation.normalizeReceiptCode(typed);
    setProblem(
      typed.trim() === '' ? t('form.required') : code ? undefined : t('evaluation.check.notACode', { length: evaluation.RECEIPT_LENGTH }),
    );
    if (!code) return;
    setChecking(true);
    // Asked once per press, never from a cache: a receipt is counted from the moment its ballot is.
    const result = await client.query(BallotReceiptQuery, { code }, { requestPolicy: 'network-only' }).toPromise();
    setChecking(false);
    setError(result.error ? toApiError(result.error) : null);
    setAnswer(result.data ? { code, check: result.data.ballotReceipt } : null);
  };

  return (
    <section className="page page-narrow">
      <header className="page-header">
        <h1>{t('nav.receiptCheck')}</h1>
        <p className="page-intro">{t('evaluation.check.intro')}</p>
      </header>
      <form className="form card" onSubmit={onSubmit} noValidate data-testid="receipt-check-form">
        <FormAlert error={error} />
        <FormField label={t('evaluation.check.code')} hint={t('evaluation.check.codeHint')} error={problem}>
          {(control) => (
            <input
              {...control}
              className="mono receipt-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              data-testid="receipt-check-code"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary ballot-big-button" data-testid="receipt-check-run" disabled={checking}>
            {t('evaluation.check.submit')}
          </button>
        </div>
      </form>
      {answer && (
        <div
          className={answer.check.counted ? 'alert alert-success' : 'alert alert-warning'}
          role="status"
          data-testid="receipt-check-result"
          data-counted={answer.check.counted}
        >
          {answer.check.counted ? (
            <p>
              {t('evaluation.check.counted', { code: evaluation.formatReceiptCode(answer.code) })}
              {answer.check.campaign && (
                <>
                  {' '}
                  <Link to={`/campaigns/${answer.check.campaign.id}`}>{campaignTitle(locale, answer.check.campaign)}</Link>
                </>
              )}
            </p>
          ) : (
            <p>{t('evaluation.check.notCounted', { code: evaluation.formatReceiptCode(answer.code) })}</p>
          )}
          <p className="muted">{t('evaluation.check.whatItShows')}</p>
        </div>
      )}
    </section>
  );
}
