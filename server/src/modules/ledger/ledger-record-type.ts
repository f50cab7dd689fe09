import { ledger } from '@massline/shared';

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
  /**
   * The payload's members (its key → SQL over the row `t`), in canonical key order, when the payload is
   * `json_build_object` of them: the verifier then reads them as plain columns and writes the canonical
   * JSON itself (`canonicalMember`), instead of PostgreSQL building a JSON text that is parsed again.
   */
  members?: readonly { key: string; sql: string }[];
}

/**
 * A record type whose payload is one row of a table, `members` (payload key → SQL over the row `t`) as
 * the payload's members (canonical JSON, docs/ledger.md). They are listed sorted as the canonical encoding
 * sorts keys (UTF-16 code units, `sort()`): the payload an append parses is then already in canonical order
 * (JSON.stringify writes it without sorting), and the verifier writes the members in that order.
 */
export function ledgerRowRecord(type: string, table: string, members: Readonly<Record<string, string>>): LedgerRecordType {
  const sorted = Object.keys(members)
    .sort()
    .map((key) => ({ key, sql: members[key] }));
  return { type, table, payloadSql: `json_build_object(${sorted.map(({ key, sql }) => `'${key}', ${sql}`).join(', ')})`, members: sorted };
}

/** A timestamp as the ledger's payloads say it: ISO 8601 in UTC with milliseconds, made by the database. */
export const ledgerIsoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * How `json_build_object` writes a member of a PostgreSQL type, as far as the canonical encoding can tell
 * from the member's text (`::text`): a JSON string (escaped: the text is the string), a number whose text
 * is already JavaScript's for integers, a boolean, or JSON itself (json, jsonb). Types not listed (numeric,
 * floats, dates, arrays, enums, domains, bpchar — whose `::text` drops the padding json keeps) make the
 * verifier ask PostgreSQL for the payload's JSON instead.
 */
export type PayloadMemberKind = 'string' | 'uuid' | 'integer' | 'bigint' | 'boolean' | 'json';

const KIND_OF_TYPE: ReadonlyMap<number, PayloadMemberKind> = new Map([
  [25, 'string'], // text
  [1043, 'string'], // varchar
  [19, 'string'], // name
  [2950, 'uuid'], // uuid: hexadecimal digits and hyphens, nothing JSON escapes
  [21, 'integer'], // int2
  [23, 'integer'], // int4
  [20, 'bigint'], // int8
  [16, 'boolean'], // bool
  [114, 'json'], // json
  [3802, 'json'], // jsonb
]);

/** The kind of a member of this PostgreSQL type (its oid), or null when the verifier cannot write it from its text. */
export const payloadMemberKind = (typeOid: number): PayloadMemberKind | null => KIND_OF_TYPE.get(typeOid) ?? null;

/**
 * A member's canonical JSON from its `::text` (null for SQL NULL): exactly what the canonical encoding
 * writes for the value `json_build_object` gives it (`canonicalJson(JSON.parse(…))`, tested against it).
 * A json member's text is encoded canonically by `canonicalJsonOfText`.
 */
export function canonicalMember(kind: PayloadMemberKind, text: string | null): string {
  if (text === null) return 'null';
  switch (kind) {
    case 'string':
      return JSON.stringify(text);
    case 'uuid':
      return `"${text}"`;
    case 'integer':
      // int2/int4's text: an optional sign and digits without leading zeros, as JavaScript prints them.
      return text;
    case 'bigint':
      // Up to 15 digits a double holds exactly and prints the same; beyond, JavaScript's own rounding.
      return text.length <= 15 ? text : JSON.stringify(Number(text));
    case 'boolean':
      return text;
    case 'json':
      return ledger.canonicalJsonOfText(text);
  }
}
