import type { Action, SubjectName } from '@massline/shared';
import type { CsvRecord } from './csv';
import type { RequestContext } from './request-context';

/**
 * A CSV file streamed to the server (`POST /uploads/<name>`, `content-type: text/csv`): its records in
 * batches, as the body arrives, the header first. The body is never held whole: a consumer that has seen
 * enough (too many rows) stops iterating, and the rest of the body is not read.
 */
export interface CsvUpload {
  batches(): AsyncIterable<CsvRecord[]>;
  /** The query string's parameters (what a GraphQL mutation would take as arguments beside the file), normalized as GraphQL's are. */
  params: Readonly<Record<string, string>>;
}

/**
 * A module's streamed upload: its name in the path, the permission a caller needs before a byte of the
 * body is read, and what it does with the file. The answer is JSON, `{ "data": … }` like a GraphQL
 * response, or `{ "errors": [ … ] }` with the same coded errors.
 */
export interface UploadRoute {
  name: string;
  allow: readonly [Action, SubjectName];
  handle(context: RequestContext, upload: CsvUpload): Promise<unknown>;
}
