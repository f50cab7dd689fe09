/**
 * A kind of record that enters the ledger, registered by its module (grants registers `Grant`,
 * `GrantStep`, …): its payload is one row of its table, made by SQL. The same SQL makes the payload hash
 * when a record is appended and recomputes it when an auditor verifies (joined to the entries of the
 * range), so a row changed afterwards no longer matches its entry.
 */
export interface LedgerRecordType {
  type: string;
  /** The table of its records, one row each with a uuid `id`. */
  table: string;
  /** The payload as a SQL expression over the record's row, aliased `t`: a json object. */
  payloadSql: string;
}

/**
 * A record type whose payload is one row of a table, `members` (payload key → SQL over the row `t`) as
 * the payload's members (canonical JSON, docs/ledger.md). The SQL lists them sorted as the canonical
 * encoding sorts keys (UTF-16 code units, `sort()`), so the payloads pg parses are already in canonical
 * order and the verifier writes them with JSON.stringify instead of sorting each one (the hash is the
 * same either way: the encoding sorts).
 */
export function ledgerRowRecord(type: string, table: string, members: Readonly<Record<string, string>>): LedgerRecordType {
  const columns = Object.keys(members)
    .sort()
    .map((key) => `'${key}', ${members[key]}`)
    .join(', ');
  return { type, table, payloadSql: `json_build_object(${columns})` };
}

/** A timestamp as the ledger's payloads say it: ISO 8601 in UTC with milliseconds, made by the database. */
export const ledgerIsoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
