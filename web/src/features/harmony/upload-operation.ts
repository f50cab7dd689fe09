import { useCallback, useState } from 'react';
import { CombinedError } from '@urql/core';
import { localApiError, toApiError, type ApiError } from '../../app/api-error';

export interface UploadCallbacks {
  /** The share of the request body sent so far, 0 to 1. */
  onUploadProgress(fraction: number): void;
  /** The whole body is sent: the server is now checking and writing. */
  onUploaded(): void;
}

export interface UploadResult<Data> {
  data: Data | null;
  error: ApiError | null;
}

/**
 * A file streamed to one of the server's uploads (`POST /uploads/<name>`, text/csv: a CSV import, income
 * microdata), with XMLHttpRequest rather than fetch for one reason: fetch reports no upload progress. The
 * browser sends the file from disk as it reads it — it is never held whole in the page — with the
 * session cookie; the answer (`{ data }` or `{ errors }`, coded as GraphQL's) becomes the same ApiError
 * that useApiMutation gives.
 */
export function uploadFile<Data>(
  name: string,
  body: Blob | string,
  params: Record<string, string>,
  callbacks: UploadCallbacks,
): Promise<UploadResult<Data>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams(params).toString();
    request.open('POST', `/uploads/${encodeURIComponent(name)}${query ? `?${query}` : ''}`);
    request.setRequestHeader('content-type', 'text/csv; charset=utf-8');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) callbacks.onUploadProgress(event.loaded / event.total);
    };
    request.upload.onload = () => callbacks.onUploaded();
    const networkError = (): UploadResult<Data> => ({
      data: null,
      error: localApiError(request.statusText || 'Network error', true),
    });
    request.onerror = () => resolve(networkError());
    request.onload = () => {
      let answer: { data?: Data | null; errors?: unknown[] };
      try {
        answer = JSON.parse(request.responseText) as typeof answer;
      } catch {
        resolve(networkError());
        return;
      }
      if (Array.isArray(answer.errors) && answer.errors.length > 0) {
        const error = new CombinedError({
          graphQLErrors: answer.errors as ConstructorParameters<typeof CombinedError>[0]['graphQLErrors'],
        });
        resolve({ data: null, error: toApiError(error) });
        return;
      }
      resolve({ data: answer.data ?? null, error: null });
    };
    request.send(body);
  });
}

/** An upload as a form uses a mutation (useApiMutation's shape): run, whether it is under way, its error. */
export function useUpload<Data>(name: string) {
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (body: Blob | string, params: Record<string, string>): Promise<Data | null> => {
      setFetching(true);
      const result = await uploadFile<Data>(name, body, params, { onUploadProgress: () => undefined, onUploaded: () => undefined });
      setFetching(false);
      setError(result.error);
      return result.data;
    },
    [name],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, fetching, error, clearError };
}
