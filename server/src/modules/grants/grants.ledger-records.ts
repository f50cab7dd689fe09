import { ledgerIsoTime as iso, ledgerRowRecord as rowRecord, type LedgerRecordType } from '../ledger/ledger-record-type';

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
