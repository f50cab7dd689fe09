import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';
import { toApiError, type ApiError } from '../app/api-error';

export interface ApiMutation<Data, Variables extends AnyVariables> {
  /** Runs the mutation: its data, or null when it failed (then `error` says why). */
  run(variables: Variables): Promise<Data | null>;
  fetching: boolean;
  error: ApiError | null;
  clearError(): void;
}

/** A mutation for a form: keeps the last failure as an ApiError (general message + per-field messages). */
export function useApiMutation<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
): ApiMutation<Data, Variables> {
  const [{ fetching }, execute] = useMutation<Data, Variables>(document);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (variables: Variables) => {
      const result = await execute(variables);
      if (result.error) {
        setError(toApiError(result.error));
        return null;
      }
      setError(null);
      return result.data ?? null;
    },
    [execute],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, fetching, error, clearError };
}
