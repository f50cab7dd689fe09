import type { CombinedError } from 'urql';
import { toApiError, type ApiError } from '../app/api-error';
import { useI18n } from '../app/i18n/i18n-provider';
import { errorMessage } from './error-message';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

interface ErrorStateProps {
  error: CombinedError | ApiError;
  onRetry?: () => void;
}

function isCombinedError(error: CombinedError | ApiError): error is CombinedError {
  return 'graphQLErrors' in error;
}

export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const i18n = useI18n();
  const apiError = isCombinedError(error) ? toApiError(error) : error;
  return (
    <div className="state state-error" role="alert">
      <p>{errorMessage(apiError, i18n)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {i18n.t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ message }: { message: string }) {
  return <div className="state state-empty">{message}</div>;
}
