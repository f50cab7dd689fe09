import { evaluation } from '@massline/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useEvaluationI18n } from './evaluation-i18n';

interface ReceiptPanelProps {
  code: string;
  cadreName: string;
  /** The citizen has kept it: on to the next cadre. */
  onKept(): void;
}

/**
 * The receipt of a ballot, shown this once: the server keeps only its hash. Grouped to be read and written
 * down (shared's formatReceiptCode), copied whole; with what it proves (that the ballot is counted) and what it does not (what it said).
 */
export function ReceiptPanel({ code, cadreName, onKept }: ReceiptPanelProps) {
  const { t } = useEvaluationI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      // No clipboard here (permission, an insecure page): the code can still be selected and written down.
      setCopied('failed');
    }
  };
  return (
    <div className="card receipt-panel" data-testid="ballot-receipt" role="region" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('evaluation.receipt.title', { name: cadreName })}</h2>
      <p className="alert alert-warning" data-testid="ballot-receipt-warning">
        <strong>{t('evaluation.receipt.keepIt')}</strong>
      </p>
      <p className="receipt-code" data-testid="ballot-receipt-code" data-code={code}>
        <code>{evaluation.formatReceiptCode(evaluation.normalizeReceiptCode(code) ?? code)}</code>
      </p>
      <div className="row-actions">
        <button type="button" className="button ballot-big-button" data-testid="ballot-receipt-copy" onClick={() => void copy()}>
          {t('evaluation.receipt.copy')}
        </button>
        {copied && (
          <span role="status" className={copied === 'yes' ? 'muted' : 'field-error'}>
            {copied === 'yes' ? t('evaluation.receipt.copied') : t('evaluation.receipt.copyFailed')}
          </span>
        )}
      </div>
      <p className="muted">
        {t('evaluation.receipt.proves')} <Link to="/receipt">{t('evaluation.receipt.checkLink')}</Link>
      </p>
      <button type="button" className="button button-primary ballot-big-button" data-testid="ballot-receipt-kept" onClick={onKept}>
        {t('evaluation.receipt.kept')}
      </button>
    </div>
  );
}
