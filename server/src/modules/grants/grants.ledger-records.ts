import type { EntityManager } from '@mikro-orm/postgresql';
import type { ledger } from '@massline/shared';
import { sql } from '../../common/sql';
import type { LedgerRecordType } from '../ledger/ledger.service';

/** A timestamp as the ledger's payloads say it: ISO 8601 in UTC with milliseconds, made by the database. */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A record type whose payload is one row of a table, `members` (payload key → SQL over the row `t`) as
 * the payload's members (canonical JSON, docs/ledger.md). The SQL lists them sorted as the canonical
 * encoding sorts keys (UTF-16 code units, `sort()`), so the payloads pg parses are already in canonical
 * order and the verifier writes them with JSON.stringify instead of sorting each one (the hash is the
 * same either way: the encoding sorts).
 */
function rowRecord(type: string, table: string, members: Readonly<Record<string, string>>): LedgerRecordType {
  const columns = Object.keys(members)
    .sort()
    .map((key) => `'${key}', ${members[key]}`)
    .join(', ');
  const text = `select t.id, json_build_object(${columns}) as payload from "${table}" t where t.id = any(?::uuid[])`;
  return {
    type,
    async payloads(em: EntityManager, ids: readonly string[]) {
      const rows = await sql<{ id: string; payload: ledger.CanonicalValue }>(em, text, [[...ids]]);
      return new Map(rows.map((row) => [row.id, row.payload]));
    },
  };
}

/**
 * What each grants record puts in the ledger: every column that says what was recorded, by whom and
 * when. The same SQL makes the payload when the record is appended and when an auditor verifies it.
 */
export const GRANTS_LEDGER_RECORDS: readonly LedgerRecordType[] = [
  rowRecord('Grant', 'power_grant', {
    id: 't.id',
    postId: 't.post_id',
    cadreId: 't.cadre_id',
    regionId: 't.region_id',
    organizationId: 't.organization_id',
    method: 't.method',
    bodyName: 't.body_name',
    bodyKind: 't.body_kind',
    termYears: 't.term_years',
    createdBy: 't.created_by',
    createdAt: iso('t.created_at'),
  }),
  rowRecord('GrantStep', 'grant_step', {
    id: 't.id',
    grantId: 't.grant_id',
    step: 't.step',
    position: 't.position',
    date: 't.date::text',
    facts: 't.facts',
    recordedBy: 't.recorded_by',
    recordedAt: iso('t.recorded_at'),
  }),
  rowRecord('GrantCorrection', 'grant_correction', {
    id: 't.id',
    grantId: 't.grant_id',
    correctsId: 't.corrects_id',
    date: 't.date::text',
    facts: 't.facts',
    reason: 't.reason',
    recordedBy: 't.recorded_by',
    recordedAt: iso('t.recorded_at'),
  }),
  rowRecord('GrantObjection', 'grant_objection', {
    id: 't.id',
    grantId: 't.grant_id',
    filedBy: 't.filed_by',
    filerName: 't.filer_name',
    text: 't.text',
    evidence: 't.evidence',
    filedAt: iso('t.filed_at'),
  }),
  rowRecord('GrantAnswer', 'grant_answer', {
    id: 't.id',
    objectionId: 't.objection_id',
    upheld: 't.upheld',
    reasons: 't.reasons',
    answeredBy: 't.answered_by',
    answeredAt: iso('t.answered_at'),
  }),
  rowRecord('GrantEnding', 'grant_ending', {
    id: 't.id',
    grantId: 't.grant_id',
    reason: 't.reason',
    endedOn: 't.ended_on::text',
    decidedBy: 't.decided_by',
    why: 't.why',
    recordedBy: 't.recorded_by',
    recordedAt: iso('t.recorded_at'),
  }),
];
