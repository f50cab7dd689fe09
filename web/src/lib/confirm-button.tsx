import { useState, type ReactNode } from 'react';
import { useI18n } from '../app/i18n/i18n-provider';

interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting, e.g. "Revoke this token? Its clients stop working at once." */
  question: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
  children?: ReactNode;
}

/** A two-step button for what cannot be undone casually: first ask, then act. No browser dialog. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, danger, testId }: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const tone = danger ? 'button button-small button-danger' : 'button button-small';
  if (!asking) {
    return (
      <button type="button" className={tone} disabled={disabled} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className={tone}
        disabled={disabled}
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-small" onClick={() => setAsking(false)}>
        {t('action.cancel')}
      </button>
    </span>
  );
}
