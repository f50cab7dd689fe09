import { CombinedError, stringifyDocument, type AnyVariables, type DocumentInput } from '@urql/core';
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
 * A GraphQL mutation sent with XMLHttpRequest instead of urql's fetch, for one reason: `fetch` reports no
 * upload progress, and a large CSV import should show how far its upload got. Same endpoint, same
 * session cookie, same JSON POST (Apollo's CSRF prevention wants application/json); the answer becomes
 * the same ApiError that useApiMutation gives.
 */
export function postWithUploadProgress<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  variables: Variables,
  callbacks: UploadCallbacks,
): Promise<UploadResult<Data>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/graphql');
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader('accept', 'application/graphql-response+json, application/json');
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
      let body: { data?: Data | null; errors?: unknown[] };
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        resolve(networkError());
        return;
      }
      if (Array.isArray(body.errors) && body.errors.length > 0) {
        const error = new CombinedError({ graphQLErrors: body.errors as ConstructorParameters<typeof CombinedError>[0]['graphQLErrors'] });
        resolve({ data: body.data ?? null, error: toApiError(error) });
        return;
      }
      resolve({ data: body.data ?? null, error: null });
    };
    request.send(JSON.stringify({ query: stringifyDocument(document), variables }));
  });
}

/** Reads a file as text, reporting how much of it has been read (0 to 1). */
export function readFileWithProgress(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.readAsText(file, 'utf-8');
  });
}
