import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants, ledger } from '@massline/shared';
import { sql } from '../../server/src/common/sql';
import { REPO_ROOT } from '../../server/src/app/config';
import { GRANTS_LEDGER_RECORDS } from '../../server/src/modules/grants/grants.ledger-records';
import { LedgerRepository } from '../../server/src/modules/ledger/ledger.repository';
import type { ApiClient } from '../support/api-client';
import { uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

interface DemoGrantView {
  id: string;
  status: string;
  method: string;
  bodyKind: string;
  steps: { step: string; corrected: boolean }[];
  objections: { upheld: boolean | null; filerName: string | null }[];
  ending: { reason: string } | null;
  term: { startsOn: string } | null;
  post: { title: string };
  region: { code: string };
}

interface StepRow {
  grantId: string;
  method: grants.GrantMethod;
  step: grants.GrantRecordStep;
  date: string;
  facts: Record<string, unknown>;
}

/**
 * The demo's power grants (seeded into every test database's template, as `npm start` seeds an empty
 * database): their ledger verifies and its signed head checks offline; every step, as it stands after
 * corrections, keeps shared's rules; the demo shows elections, a recall, a correction, a grant stopped by
 * an upheld objection and one in its public notice, where the demo citizen may object.
 */
describe('the demo grants', () => {
  let server: TestServer;
  let auditor: ApiClient;
  let citizen: ApiClient;
  const owner = <T extends object>(query: string, params: unknown[] = []) => sql<T>(server.ownerOrm.em.fork(), query, params);
  let demo: DemoGrantView[];

  beforeAll(async () => {
    server = await startTestServer();
    [auditor, citizen] = await Promise.all([server.as('auditor'), server.as('citizen')]);
    const token = server.as('token');
    demo = [];
    let after: string | null = null;
    do {
      const { grants: page }: { grants: { edges: { node: DemoGrantView }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        await (
          await token
        ).ok(
          `query ($after: String) { grants(first: 100, after: $after) { edges { node { id status method bodyKind steps { step corrected }
           objections { upheld filerName } ending { reason } term { startsOn } post { title } region { code } } }
           pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
      demo.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
  });
  afterAll(() => server.close());

  it('reads every grants record’s payload with its members listed in canonical order, hashing as when it was recorded', async () => {
    // Listed in order, the verifier writes a payload's members without sorting them (its jsonb facts,
    // which PostgreSQL orders its own way, are sorted where they are not in order).
    const entries = await owner<{ recordType: string; recordId: string; payloadHash: string }>(
      `select record_type as "recordType", record_id as "recordId", encode(payload_hash, 'hex') as "payloadHash" from ledger_entry`,
    );
    expect(new Set(entries.map((entry) => entry.recordType))).toEqual(new Set(GRANTS_LEDGER_RECORDS.map((type) => type.type)));
    for (const type of GRANTS_LEDGER_RECORDS) {
      const ofType = entries.filter((entry) => entry.recordType === type.type);
      const payloads = await new LedgerRepository(server.ownerOrm.em.fork()).payloads(
        type,
        ofType.map((entry) => entry.recordId),
      );
      expect(payloads.size, type.type).toBe(ofType.length);
      for (const entry of ofType) {
        const payload = payloads.get(entry.recordId) as Record<string, ledger.CanonicalValue>;
        const keys = Object.keys(payload);
        expect(keys, type.type).toEqual([...keys].sort());
        expect(ledger.payloadHashOf(grants.sha256, payload), `${type.type} ${entry.recordId}`).toBe(entry.payloadHash);
      }
    }
    // The verifier reads every grants type by its members' columns (no JSON built or parsed), and writes
    // each payload exactly as from the JSON.
    const repository = new LedgerRepository(server.ownerOrm.em.fork());
    const plans = await Promise.all(
      GRANTS_LEDGER_RECORDS.map(async (recordType) => ({ recordType, kinds: await repository.payloadMemberKinds(recordType) })),
    );
    for (const { recordType, kinds } of plans) expect(kinds, recordType.type).not.toBeNull();
    const written = await repository.payloadsInRange(plans, 0, entries.length);
    const asJson = await repository.payloadsInRange(
      plans.map(({ recordType }) => ({ recordType, kinds: null })),
      0,
      entries.length,
    );
    expect(written).toEqual(asJson);
    // The database's encoding of every entry hashes to its entry hash and leaf: none is judged again here.
    const checked = await repository.entriesChecked(0, entries.length);
    expect(checked.filter(([, , , , , , , entrySound, leafSound]) => !entrySound || !leafSound)).toEqual([]);
    for (const entry of entries) {
      const payload = written.get(entry.recordType)!.get(entry.recordId)!;
      expect(grants.toHex(grants.sha256(ledger.utf8(payload))), `${entry.recordType} ${entry.recordId}`).toBe(entry.payloadHash);
    }
  });

  it('enters every record in the ledger, which verifies; its signed head and a record’s proof check offline with the public key', async () => {
    const [counts] = await owner<{ records: number; entries: number }>(
      `select ((select count(*) from power_grant) + (select count(*) from grant_step) + (select count(*) from grant_correction)
             + (select count(*) from grant_objection) + (select count(*) from grant_answer) + (select count(*) from grant_ending))::int as records,
              (select count(*) from ledger_entry)::int as entries`,
    );
    expect(counts.records).toBeGreaterThan(1000);
    expect(counts.entries).toBe(counts.records);
    const { verifyLedger } = await auditor.ok<{ verifyLedger: { valid: boolean; checked: number; firstBroken: unknown } }>(
      '{ verifyLedger { valid checked firstBroken { sequence reason } } }',
    );
    expect(verifyLedger).toEqual({ valid: true, checked: counts.entries, firstBroken: null });

    const recall = demo.find((grant) => grant.ending?.reason === 'RECALL')!;
    const anyone = server.client();
    const { ledgerPublicKey } = await anyone.ok<{ ledgerPublicKey: { pem: string } }>('{ ledgerPublicKey { pem } }');
    const inclusion = await anyone.request(
      `query ($id: ID!) { ledgerInclusionProof(recordId: $id) { treeSize auditPath
         entry { sequence recordedAt recordType recordId payloadHash previousHash entryHash } head { treeSize rootHash timestamp signature keyId } } }`,
      { id: uuidOf(recall.id) },
    );
    const consistency = await anyone.request(
      `{ ledgerConsistencyProof(fromSize: 1) { fromSize toSize proof fromHead { treeSize rootHash timestamp signature keyId }
         toHead { treeSize rootHash timestamp signature keyId } } }`,
    );
    expect((inclusion.data as { ledgerInclusionProof: { head: { treeSize: number } } }).ledgerInclusionProof.head.treeSize).toBe(
      counts.entries,
    );
    // The script runs on shared's build, as an auditor's checkout would.
    execFileSync(process.execPath, [
      path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
      '-b',
      path.join(REPO_ROOT, 'shared/tsconfig.build.json'),
    ]);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-ledger-'));
    const write = (name: string, value: unknown) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
      return file;
    };
    const checked = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts/verify-ledger-proof.mjs'),
        '--key',
        write('key.pem', ledgerPublicKey.pem),
        '--inclusion',
        write('inclusion.json', inclusion),
        '--consistency',
        write('consistency.json', consistency),
      ],
      { encoding: 'utf8' },
    );
    fs.rmSync(work, { recursive: true, force: true });
    expect(checked.stdout).toContain('every check holds');
    expect(checked.status).toBe(0);
  });

  it('keeps every rule in every step as it stands (corrections applied), from the records themselves', async () => {
    const steps = await owner<StepRow>(
      `select s.grant_id as "grantId", g.method, s.step, coalesce(c.date, s.date)::text as date, coalesce(c.facts, s.facts) as facts
         from grant_step s join power_grant g on g.id = s.grant_id
         left join lateral (select c.date, c.facts from grant_correction c where c.corrects_id = s.id order by c.recorded_at desc limit 1) c on true
        order by s.grant_id, s.position`,
    );
    const objections = await owner<{ grantId: string; answered: boolean; upheld: boolean }>(
      `select o.grant_id as "grantId", a.id is not null as answered, coalesce(a.upheld, false) as upheld
         from grant_objection o left join grant_answer a on a.objection_id = o.id`,
    );
    const days = await owner<{ day: string; kind: string }>(`select day::text as day, kind from working_calendar_day`);
    const calendar: grants.WorkingDayCalendar = {
      holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day)),
      makeUpDays: new Set(days.filter((d) => d.kind === 'MAKE_UP_DAY').map((d) => d.day)),
    };
    const byGrant = new Map<string, StepRow[]>();
    for (const step of steps) byGrant.set(step.grantId, [...(byGrant.get(step.grantId) ?? []), step]);
    expect(byGrant.size).toBe(demo.length);
    for (const [grantId, recorded] of byGrant) {
      const seen: grants.GrantStep[] = [];
      for (const [i, { step, date, facts, method }] of recorded.entries()) {
        const at = `${grantId} ${step}`;
        const previous = recorded[i - 1];
        if (step !== 'PROBATION_END') expect(grants.stepOrderProblems(seen, step), at).toEqual([]);
        expect(grants.stepFactsProblems(step, method, date, facts).problems, at).toEqual([]);
        expect(grants.stepDateProblems(previous?.date ?? null, date), at).toEqual([]);
        const find = (kind: string) => recorded.find((s) => s.step === kind)!;
        if (step === 'NOTICE') {
          expect(grants.noticeProblems({ start: date, end: String(facts.end) }, find('DECISION').date, calendar), at).toEqual([]);
        }
        if (step === 'TAKING_EFFECT') {
          const answered = objections.filter((objection) => objection.grantId === grantId);
          expect(grants.takingEffectProblems(date, String(find('NOTICE').facts.end), answered), at).toEqual([]);
        }
        if (step === 'PROBATION_END') {
          expect(grants.probationProblems(method, find('TAKING_EFFECT').date, date, facts.outcome as 'CONFIRMED'), at).toEqual([]);
        }
        if (step !== 'PROBATION_END') seen.push(step);
      }
    }
  });

  it('ties every term begun in the demo years to the grant that created it, on the day it took effect', async () => {
    const terms = await owner<{ startsOn: string; grantId: string | null; tookEffect: string | null; same: boolean | null }>(
      `select t.starts_on::text as "startsOn", t.grant_id as "grantId", s.date::text as "tookEffect",
              g.post_id = t.post_id and g.cadre_id = t.cadre_id as same
         from term t left join power_grant g on g.id = t.grant_id
         left join grant_step s on s.grant_id = g.id and s.step = 'TAKING_EFFECT'`,
    );
    const demoYears = terms.filter((term) => term.startsOn >= '2022-01-01');
    expect(demoYears.length).toBeGreaterThan(150);
    for (const term of demoYears) expect(term, term.startsOn).toMatchObject({ tookEffect: term.startsOn, same: true });
    expect(terms.filter((term) => term.startsOn < '2022-01-01').every((term) => term.grantId === null)).toBe(true);
  });

  it('shows elections, one recall, one correction, one grant stopped by an upheld objection and one in its public notice', async () => {
    const elections = demo.filter((grant) => grant.method === 'ELECTION');
    expect(elections.length).toBeGreaterThan(50);
    expect(new Set(elections.map((grant) => grant.bodyKind))).toEqual(new Set(['ELECTORATE', 'PEOPLES_CONGRESS']));
    expect(demo.filter((grant) => grant.ending?.reason === 'RECALL')).toHaveLength(1);
    expect(demo.filter((grant) => grant.ending?.reason === 'RESIGNATION').length).toBeGreaterThan(3);
    expect(demo.filter((grant) => grant.steps.some((step) => step.corrected))).toHaveLength(1);
    const stopped = demo.filter((grant) => grant.status === 'STOPPED');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({ region: { code: '880102001' }, objections: [{ upheld: true, filerName: null }] });
    expect(demo.filter((grant) => grant.objections.some((objection) => objection.upheld === false))).toHaveLength(1);
    expect(demo.filter((grant) => grant.status === 'PROBATION' || grant.status === 'IN_EFFECT').length).toBeGreaterThan(150);
    expect(demo.filter((grant) => grant.status === 'PROCEDURE')).toHaveLength(0);
  });

  it('holds a notice open today in the demo citizen’s village, who was told of it and may object', async () => {
    const open = demo.filter((grant) => grant.status === 'NOTICE');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ method: 'ELECTION', region: { code: '880101001' }, objections: [] });
    const { notifications } = await citizen.ok<{ notifications: { edges: { node: { kind: string; subjectId: string } }[] } }>(
      '{ notifications(first: 20) { edges { node { kind subjectId } } } }',
    );
    expect(notifications.edges.map(({ node }) => ({ kind: node.kind, subject: uuidOf(node.subjectId) }))).toContainEqual({
      kind: 'NOTICE_OPENED',
      subject: uuidOf(open[0].id),
    });
    const { fileObjection } = await citizen.ok<{ fileObjection: { objection: { filerName: string } } }>(
      'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { filerName } } }',
      { input: { grantId: open[0].id, text: 'The nominee has not lived in the village for the last three years', anonymous: false } },
    );
    expect(fileObjection.objection.filerName).toContain('李明');
  });
});
