import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID, verify as verifySignature, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { grants, ledger } from '@massline/shared';
import { useTestOrm } from '../../../../test/support/test-orm';
import { sql } from '../../common/sql';
import { LedgerSigner, nodeSha256, sha256HexOfText } from './ledger-signer';
import { ledgerRowRecord } from './ledger-record-type';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

const fromHex = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

/**
 * The ledger against a real PostgreSQL, with a record type of the test's own (a table it creates): the
 * ledger is generic, its modules register their records the same way.
 */
describe('the ledger', () => {
  const orm = useTestOrm(6);
  const keyFile = path.join(os.tmpdir(), 'massline-ledger-keys', `spec-${randomUUID()}.pem`);
  const service = new LedgerService(new LedgerSigner(keyFile));
  service.registerRecordType(ledgerRowRecord('SpecRecord', 'ledger_spec_record', { body: 't.body' }));
  // A second type, so that verification reads records of several tables in one statement.
  service.registerRecordType(ledgerRowRecord('SpecNote', 'ledger_spec_note', { note: 't.note', facts: 't.facts', id: 't.id' }));
  const reader = () => ({ em: orm().em.fork() });

  /** Writes a record and appends it, in one transaction. */
  const appendOne = (body: string) =>
    orm()
      .em.fork()
      .transactional(async (em: EntityManager) => {
        const id = randomUUID();
        await sql(em, 'insert into ledger_spec_record (id, body) values (?, ?)', [id, body]);
        const [entry] = await service.append(em, [{ type: 'SpecRecord', id }]);
        return entry;
      });

  beforeAll(async () => {
    const em = orm().em.fork();
    await sql(em, 'create table ledger_spec_record (id uuid primary key, body text not null)');
    await sql(em, 'create table ledger_spec_note (id uuid primary key, note text not null, facts jsonb not null)');
    // The test database is a copy of the demo, whose ledger holds the grants module's records, which this
    // spec's service does not read: as the owner, the spec starts from the empty ledger a new database has.
    const ledgerTables = ['ledger_entry', 'ledger_node', 'ledger_head'];
    for (const table of ledgerTables) await sql(em, `alter table ${table} disable trigger user`);
    await sql(em, 'truncate ledger_entry, ledger_node');
    await sql(em, `update ledger_head set size = 0, last_hash = decode(repeat('00', 32), 'hex')`);
    for (const table of ledgerTables) await sql(em, `alter table ${table} enable trigger user`);
  });
  afterAll(() => fs.rmSync(keyFile, { force: true }));

  it('appends 50 records at once strictly in sequence: no gap, no fork, one chain', async () => {
    const before = (await service.head(reader())).treeSize;
    const entries = await Promise.all(Array.from({ length: 50 }, (_, i) => appendOne(`record ${i}`)));
    const sequences = entries.map((entry) => entry.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => before + i));
    const bySequence = new Map(entries.map((entry) => [entry.sequence, entry]));
    for (let s = before + 1; s < before + 50; s++) expect(bySequence.get(s)!.previousHash).toBe(bySequence.get(s - 1)!.entryHash);
    expect(await service.verify(reader())).toMatchObject({ valid: true, checked: before + 50, firstBroken: null });
  });

  it('signs heads that the public key alone checks, and proves inclusion and consistency as RFC 9162 says', async () => {
    const small = await service.head(reader(), 20);
    const entry = await appendOne('one more');
    const head = await service.head(reader());
    const key = createPublicKey(service.signer.publicKey().pem);
    expect(verifySignature(null, ledger.treeHeadBytes(head), key, Buffer.from(head.signature, 'base64'))).toBe(true);
    expect(
      verifySignature(null, ledger.treeHeadBytes({ ...head, treeSize: head.treeSize - 1 }), key, Buffer.from(head.signature, 'base64')),
    ).toBe(false);

    const proof = await service.inclusionProof(reader(), { recordId: entry.recordId });
    expect(proof.entry).toEqual(entry);
    const leaf = ledger.entryLeafHash(grants.sha256, proof.entry);
    expect(
      grants.verifyInclusion(
        grants.sha256,
        entry.sequence,
        proof.treeSize,
        leaf,
        proof.auditPath.map(fromHex),
        fromHex(proof.head.rootHash),
      ),
    ).toBe(true);
    const early = await service.inclusionProof(reader(), { sequence: 3 }, 20);
    expect(early.head.rootHash).toBe(small.rootHash);
    expect(
      grants.verifyInclusion(grants.sha256, 3, 20, fromHex(early.entry.leafHash), early.auditPath.map(fromHex), fromHex(small.rootHash)),
    ).toBe(true);

    const consistency = await service.consistencyProof(reader(), 20);
    expect(consistency.toHead.rootHash).toBe(head.rootHash);
    expect(
      grants.verifyConsistency(
        grants.sha256,
        20,
        consistency.toSize,
        fromHex(small.rootHash),
        fromHex(head.rootHash),
        consistency.proof.map(fromHex),
      ),
    ).toBe(true);
  });

  it('refuses a tree size beyond the ledger, or a proof in a tree that does not hold the entry yet, with the numbers', async () => {
    const { treeSize } = await service.head(reader());
    await expect(service.head(reader(), treeSize + 1)).rejects.toMatchObject({
      reason: 'LEDGER_RANGE_INVALID',
      problems: { treeSize: { reason: 'LEDGER_SIZE_OUT_OF_RANGE', params: { got: treeSize + 1, min: 0, size: treeSize } } },
    });
    await expect(service.inclusionProof(reader(), { sequence: 10 }, 10)).rejects.toMatchObject({ reason: 'LEDGER_RANGE_INVALID' });
    await expect(service.consistencyProof(reader(), 5, 4)).rejects.toMatchObject({ reason: 'LEDGER_RANGE_INVALID' });
    await expect(service.inclusionProof(reader(), { sequence: treeSize + 5 })).rejects.toMatchObject({ reason: 'NOT_FOUND' });
    // A verification's range: its end within the ledger, its start not after its end.
    await expect(service.verify(reader(), 0, treeSize + 1)).rejects.toMatchObject({
      reason: 'LEDGER_RANGE_INVALID',
      problems: { to: { reason: 'LEDGER_SIZE_OUT_OF_RANGE', params: { got: treeSize + 1, min: 0, size: treeSize } } },
    });
    await expect(service.verify(reader(), 5, 4)).rejects.toMatchObject({
      reason: 'LEDGER_RANGE_INVALID',
      problems: { from: { reason: 'LEDGER_SIZE_OUT_OF_RANGE', params: { got: 5, min: 0, size: 4 } } },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of its entries and nodes, even to the owner, and a head that goes back', async () => {
    const em = orm().em.fork();
    for (const statement of [
      'update ledger_entry set record_type = record_type where sequence = 0',
      'delete from ledger_entry where sequence = 0',
      'truncate ledger_entry',
      'update ledger_node set hash = hash where level = 0 and index = 0',
      'delete from ledger_node where level = 0',
      'truncate ledger_node',
      'update ledger_head set size = size - 1',
      'delete from ledger_head',
    ]) {
      await expect(sql(em, statement), statement).rejects.toThrow(/append-only|only moves forward/);
    }
  });

  it('names the first broken entry and why when a record, an entry or a tree node is altered behind its back', async () => {
    const victim = await appendOne('the truth');
    const later = await appendOne('later');
    const em = orm().em.fork();
    await sql(em, 'update ledger_spec_record set body = ? where id = ?', ['a lie', victim.recordId]);
    expect((await service.verify(reader())).firstBroken).toMatchObject({
      sequence: victim.sequence,
      reason: 'RECORD_ALTERED',
      recordId: victim.recordId,
    });
    await sql(em, 'update ledger_spec_record set body = ? where id = ?', ['the truth', victim.recordId]);
    expect((await service.verify(reader())).valid).toBe(true);

    // As the owner with the trigger off, as a superuser could: the entry's time moved.
    await sql(em, 'alter table ledger_entry disable trigger ledger_entry_append_only');
    await sql(em, `update ledger_entry set recorded_at = recorded_at - interval '1 day' where sequence = ?`, [later.sequence]);
    await sql(em, 'alter table ledger_entry enable trigger ledger_entry_append_only');
    const result = await service.verify(reader());
    expect(result).toMatchObject({
      valid: false,
      checked: later.sequence,
      firstBroken: { sequence: later.sequence, reason: 'ENTRY_ALTERED' },
    });
    expect(result.firstBroken!.message).toContain(later.entryHash);
    // A range before it is still sound.
    expect(await service.verify(reader(), 0, later.sequence)).toMatchObject({ valid: true });

    await sql(em, 'alter table ledger_node disable trigger ledger_node_append_only');
    await sql(em, `update ledger_node set hash = decode(repeat('ab', 32), 'hex') where level = 1 and index = 0`);
    await sql(em, 'alter table ledger_node enable trigger ledger_node_append_only');
    expect((await service.verify(reader(), 0, 10)).firstBroken).toMatchObject({ sequence: 0, reason: 'TREE_NODE_ALTERED' });
    // Higher up: the node over 24..31 altered breaks it and its parent over 16..31, which starts first; a
    // node over 40..41 deleted leaves its parent over 40..43 without a child. Each range names its first.
    expect(await service.verify(reader(), 16, 48)).toMatchObject({ valid: true });
    await sql(em, 'alter table ledger_node disable trigger ledger_node_append_only');
    await sql(em, `update ledger_node set hash = decode(repeat('ef', 32), 'hex') where level = 3 and index = 3`);
    await sql(em, 'delete from ledger_node where level = 1 and index = 20');
    await sql(em, 'alter table ledger_node enable trigger ledger_node_append_only');
    const higher = await service.verify(reader(), 16, 40);
    expect(higher.firstBroken).toMatchObject({ sequence: 16, reason: 'TREE_NODE_ALTERED' });
    expect(higher.firstBroken!.message).toContain('entries 16 to 31');
    const orphan = await service.verify(reader(), 40, 48);
    expect(orphan.firstBroken).toMatchObject({ sequence: 40, reason: 'TREE_NODE_ALTERED' });
    expect(orphan.firstBroken!.message).toContain('entries 40 to 43');

    // A stored leaf that is not its entry's, and a record that is gone, each named in a range after the breaks above.
    const leafVictim = await appendOne('its leaf will lie');
    const gone = await appendOne('it will be deleted');
    const after = leafVictim.sequence;
    expect(await service.verify(reader(), after)).toMatchObject({ valid: true, checked: 2 });
    await sql(em, 'alter table ledger_node disable trigger ledger_node_append_only');
    await sql(em, `update ledger_node set hash = decode(repeat('cd', 32), 'hex') where level = 0 and index = ?`, [leafVictim.sequence]);
    await sql(em, 'alter table ledger_node enable trigger ledger_node_append_only');
    expect(await service.verify(reader(), after)).toMatchObject({
      valid: false,
      checked: 0,
      firstBroken: { sequence: leafVictim.sequence, reason: 'TREE_LEAF_ALTERED', recordId: leafVictim.recordId },
    });
    await sql(em, 'delete from ledger_spec_record where id = ?', [gone.recordId]);
    expect(await service.verify(reader(), gone.sequence)).toMatchObject({
      valid: false,
      checked: 0,
      firstBroken: { sequence: gone.sequence, reason: 'RECORD_MISSING', recordId: gone.recordId },
    });
  });

  it('reads the payloads of a range from every type’s table at once, and names a record of either type altered or gone', async () => {
    const from = (await service.head(reader())).treeSize;
    const notes = await orm()
      .em.fork()
      .transactional(async (em: EntityManager) => {
        const ids = [randomUUID(), randomUUID()];
        // Text that JSON escapes, keys jsonb orders by length (not canonically), and a number.
        await sql(em, 'insert into ledger_spec_note (id, note, facts) values (?, ?, ?::jsonb), (?, ?, ?::jsonb)', [
          ids[0],
          'a "quoted"\nline \u2028 ✓ 𝄞',
          JSON.stringify({ zz: 1, a: { yy: [true, null, 2.5], b: 'x' } }),
          ids[1],
          'second',
          JSON.stringify({ count: 3 }),
        ]);
        return service.append(em, [
          { type: 'SpecNote', id: ids[0] },
          { type: 'SpecNote', id: ids[1] },
        ]);
      });
    const record = await appendOne('between the notes');
    expect(await service.verify(reader(), from)).toMatchObject({ valid: true, checked: 3 });

    const em = orm().em.fork();
    await sql(em, `update ledger_spec_note set facts = jsonb_set(facts, '{a,b}', '"y"') where id = ?`, [notes[0].recordId]);
    expect((await service.verify(reader(), from)).firstBroken).toMatchObject({
      sequence: notes[0].sequence,
      reason: 'RECORD_ALTERED',
      recordType: 'SpecNote',
      recordId: notes[0].recordId,
    });
    await sql(em, `update ledger_spec_note set facts = jsonb_set(facts, '{a,b}', '"x"') where id = ?`, [notes[0].recordId]);
    await sql(em, 'delete from ledger_spec_note where id = ?', [notes[1].recordId]);
    expect((await service.verify(reader(), from)).firstBroken).toMatchObject({
      sequence: notes[1].sequence,
      reason: 'RECORD_MISSING',
      recordType: 'SpecNote',
      recordId: notes[1].recordId,
    });
    // The range after the gone note holds: only the entries of the range are read.
    expect(await service.verify(reader(), record.sequence, record.sequence + 1)).toMatchObject({ valid: true, checked: 1 });
  });

  it('writes a payload from its members’ columns exactly as from the JSON PostgreSQL builds, for every kind of member', async () => {
    const em = orm().em.fork();
    await sql(
      em,
      `create table ledger_spec_kinds (id uuid primary key, name text, code varchar(20), small smallint, count int, big bigint, huge bigint,
                                       yes boolean, facts jsonb, raw json, amount numeric)`,
    );
    const rows = [
      [
        randomUUID(),
        'a "quoted"\nline\t\u0001 \\ \u2028 张 𝄞',
        'X-1',
        -3,
        0,
        '-123456789012345',
        '1234567890123456789',
        true,
        JSON.stringify({ zz: [1, -0.5, 1e21, 1.5e-7, { b: null, a: '"' }], a: 'é', '10': 1, '9': 2 }),
        '{"b" : 1,  "a":[ true ], "b": 2}',
        '1.50',
      ],
      [randomUUID(), null, null, null, null, null, null, null, null, null, null],
      [randomUUID(), '', '', 32767, -2147483648, '9007199254740993', '-9223372036854775808', false, '{}', '[]', '0'],
    ];
    for (const row of rows) {
      await sql(em, 'insert into ledger_spec_kinds values (?, ?, ?, ?, ?, ?::bigint, ?::bigint, ?, ?::jsonb, ?::json, ?::numeric)', row);
    }
    const members = {
      amount: 't.amount',
      big: 't.big',
      code: 't.code',
      count: 't.count',
      facts: 't.facts',
      huge: 't.huge',
      id: 't.id',
      name: 't.name',
      raw: 't.raw',
      small: 't.small',
      yes: 't.yes',
      day: "date '2026-01-02' + t.count",
    };
    const withoutUnwritable = ledgerRowRecord(
      'SpecKinds',
      'ledger_spec_kinds',
      Object.fromEntries(Object.entries(members).filter(([key]) => key !== 'amount' && key !== 'day')),
    );
    const repository = new LedgerRepository(em);
    const kinds = await repository.payloadMemberKinds(withoutUnwritable);
    expect(kinds).toEqual(['bigint', 'string', 'integer', 'json', 'bigint', 'uuid', 'string', 'json', 'integer', 'boolean']);
    // A numeric or a date member is not written from its text: that type's payloads are read as JSON.
    expect(await repository.payloadMemberKinds(ledgerRowRecord('SpecKinds', 'ledger_spec_kinds', members))).toBeNull();

    // Appended, then read back both ways: the same canonical text, record for record.
    service.registerRecordType(withoutUnwritable);
    const from = (await service.head(reader())).treeSize;
    await orm()
      .em.fork()
      .transactional((tx: EntityManager) =>
        service.append(
          tx,
          rows.map((row) => ({ type: 'SpecKinds', id: row[0] as string })),
        ),
      );
    // The reference: the JSON PostgreSQL builds, parsed by pg and encoded canonically (what appending hashed).
    const ids = rows.map((row) => row[0] as string);
    const reference = await repository.payloads(withoutUnwritable, ids);
    const written = await repository.payloadsInRange([{ recordType: withoutUnwritable, kinds }], from, from + 3);
    const asJson = await repository.payloadsInRange([{ recordType: withoutUnwritable, kinds: null }], from, from + 3);
    for (const id of ids) {
      expect(written.get('SpecKinds')!.get(id), id).toBe(ledger.canonicalJson(reference.get(id)!));
      expect(asJson.get('SpecKinds')!.get(id), id).toBe(ledger.canonicalJson(reference.get(id)!));
    }
    expect(written.get('SpecKinds')!.get(rows[2][0] as string)).toContain('"huge":-9223372036854776000');
    expect(await service.verify(reader(), from)).toMatchObject({ valid: true, checked: 3 });
  });

  it('hashes every entry in the database exactly as ledgerEntryText encodes it, a record type JSON must escape included', async () => {
    const odd = 'Spec "odd" \\ type\n\u0001 ✓ 𝄞';
    service.registerRecordType(ledgerRowRecord(odd, 'ledger_spec_record', { body: 't.body', id: 't.id' }));
    const from = (await service.head(reader())).treeSize;
    await orm()
      .em.fork()
      .transactional(async (em: EntityManager) => {
        const ids = [randomUUID(), randomUUID()];
        for (const id of ids) await sql(em, 'insert into ledger_spec_record (id, body) values (?, ?)', [id, `odd ${id}`]);
        return service.append(
          em,
          ids.map((id) => ({ type: odd, id })),
        );
      });
    await appendOne('a plain one after');
    const repository = new LedgerRepository(orm().em.fork());
    const checked = await repository.entriesChecked(0, from + 3);
    const here = await repository.entriesToVerify(0, from + 3);
    // Every entry of the spec's ledger so far: the database's encoding hashes to the stored entry hash and
    // leaf (its own encoding equal to ledgerEntryText's), and the fields it reads are the ones encoded here.
    expect(checked.filter(([, , , , , , , entrySound, leafSound]) => !entrySound || !leafSound).map(([sequence]) => sequence)).toEqual(
      // The leaf the first spec made lie, and the entry it moved in time.
      here
        .filter(([sequence, recordType, recordId, payloadHash, previousHash, entryHash, leafHash, , , recordedAt]) => {
          const text = ledger.ledgerEntryText({ sequence, recordedAt: recordedAt!, recordType, recordId, payloadHash, previousHash });
          return sha256HexOfText(text) !== entryHash || sha256HexOfText(`\u0000${text}`) !== leafHash;
        })
        .map(([sequence]) => sequence),
    );
    expect(checked.slice(from).map((row) => [row[1], row[7], row[8]])).toEqual([
      [odd, true, true],
      [odd, true, true],
      ['SpecRecord', true, true],
    ]);
    expect(await service.verify(reader(), from)).toMatchObject({ valid: true, checked: 3 });
  });

  it('judges a record found altered from the JSON PostgreSQL builds, should its members’ writing ever differ', async () => {
    // A type whose members (read by the verifier) say something else than its payload (hashed on append):
    // the members' writing finds each record altered, the JSON finds it sound.
    service.registerRecordType({
      type: 'SpecSkewed',
      table: 'ledger_spec_record',
      payloadSql: "json_build_object('body', t.body)",
      members: [{ key: 'body', sql: "t.body || ' (skewed)'" }],
    });
    const from = (await service.head(reader())).treeSize;
    const entries = await orm()
      .em.fork()
      .transactional(async (em: EntityManager) => {
        const id = randomUUID();
        await sql(em, 'insert into ledger_spec_record (id, body) values (?, ?)', [id, 'skewed']);
        return service.append(em, [{ type: 'SpecSkewed', id }]);
      });
    expect(await service.verify(reader(), from)).toMatchObject({ valid: true, checked: 1 });
    await sql(orm().em.fork(), 'update ledger_spec_record set body = ? where id = ?', ['altered', entries[0].recordId]);
    expect((await service.verify(reader(), from)).firstBroken).toMatchObject({ reason: 'RECORD_ALTERED', recordId: entries[0].recordId });
  });

  it('names a stored node that is gone when no parent inside the range could, as missing', async () => {
    const size = (await service.head(reader())).treeSize;
    for (let i = 0; i < 32; i++) await appendOne(`block ${i}`);
    // 16 entries after `size`, aligned: the top node (level 3) of their second half has its parent (level 4)
    // inside this range of 16, outside the range of that half alone.
    const block = Math.ceil(size / 16) * 16;
    const half = block + 8;
    expect(await service.verify(reader(), block, block + 16)).toMatchObject({ valid: true, checked: 16 });
    const em = orm().em.fork();
    await sql(em, 'alter table ledger_node disable trigger ledger_node_append_only');
    await sql(em, 'delete from ledger_node where level = 3 and index = ?', [half / 8]);
    await sql(em, 'alter table ledger_node enable trigger ledger_node_append_only');
    const alone = await service.verify(reader(), half, half + 8);
    expect(alone).toMatchObject({ valid: false, checked: 8, firstBroken: { sequence: half, reason: 'TREE_NODE_ALTERED' } });
    expect(alone.firstBroken!.message).toBe(
      `The tree's node over entries ${half} to ${half + 7} is missing or is not the one its entries make`,
    );
    const wider = await service.verify(reader(), block, block + 16);
    expect(wider).toMatchObject({ valid: false, checked: 16, firstBroken: { sequence: block, reason: 'TREE_NODE_ALTERED' } });
    expect(wider.firstBroken!.message).toBe(`The tree's node over entries ${block} to ${block + 15} is not the hash of its two children`);
  });

  it('names a gap in the sequence, a broken chain, and an entry of a type no module reads', async () => {
    // Another server's ledger service, which knows a type this one does not: its entries hash soundly.
    const other = new LedgerService(service.signer);
    other.registerRecordType(ledgerRowRecord('SpecElsewhere', 'ledger_spec_record', { body: 't.body' }));
    const start = (await service.head(reader())).treeSize;
    const entries = [await appendOne('first'), await appendOne('second')];
    entries.push(
      await orm()
        .em.fork()
        .transactional(async (em: EntityManager) => {
          const id = randomUUID();
          await sql(em, 'insert into ledger_spec_record (id, body) values (?, ?)', [id, 'read elsewhere']);
          const [entry] = await other.append(em, [{ type: 'SpecElsewhere', id }]);
          return entry;
        }),
    );
    entries.push(await appendOne('fourth'), await appendOne('fifth'));
    expect(await service.verify(reader(), start, start + 2)).toMatchObject({ valid: true, checked: 2 });
    expect(await service.verify(reader(), start, start + 5)).toMatchObject({
      valid: false,
      checked: 2,
      firstBroken: { sequence: start + 2, reason: 'UNKNOWN_RECORD_TYPE', recordType: 'SpecElsewhere', recordId: entries[2].recordId },
    });
    expect(await other.verify(reader(), start + 2, start + 3)).toMatchObject({ valid: true, checked: 1 });

    const em = orm().em.fork();
    const asSuperuser = async (statement: string, params: unknown[]) => {
      await sql(em, 'alter table ledger_entry disable trigger ledger_entry_append_only');
      await sql(em, statement, params);
      await sql(em, 'alter table ledger_entry enable trigger ledger_entry_append_only');
    };
    // The second entry now names another entry before it: the chain is broken there (before its own hash).
    await asSuperuser(`update ledger_entry set previous_hash = decode(repeat('11', 32), 'hex') where sequence = ?`, [start + 1]);
    const chain = await service.verify(reader(), start, start + 2);
    expect(chain).toMatchObject({ valid: false, checked: 1, firstBroken: { sequence: start + 1, reason: 'CHAIN_BROKEN' } });
    expect(chain.firstBroken!.message).toBe(
      `Entry ${start + 1} names ${'11'.repeat(32)} as the entry before, which hashes ${entries[0].entryHash}`,
    );
    await asSuperuser(`update ledger_entry set previous_hash = decode(?, 'hex') where sequence = ?`, [entries[0].entryHash, start + 1]);
    expect(await service.verify(reader(), start, start + 2)).toMatchObject({ valid: true, checked: 2 });

    // The fourth entry deleted: a range over it finds the gap, and so does a range that starts after it.
    await asSuperuser('delete from ledger_entry where sequence = ?', [start + 3]);
    expect(await other.verify(reader(), start + 2, start + 5)).toMatchObject({
      valid: false,
      checked: 1,
      firstBroken: {
        sequence: start + 3,
        reason: 'SEQUENCE_GAP',
        recordType: null,
        recordId: null,
        message: `Entry ${start + 3} is missing`,
      },
    });
    expect(await service.verify(reader(), start + 4, start + 5)).toMatchObject({
      valid: false,
      checked: 0,
      firstBroken: { sequence: start + 3, reason: 'SEQUENCE_GAP' },
    });
  });

  it('is checked offline by scripts/verify-ledger-proof.mjs with the public key alone, which refuses a forged proof', async () => {
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    // The script runs on shared's build, as an auditor's checkout would.
    execFileSync(process.execPath, [
      path.join(root, 'node_modules/typescript/bin/tsc'),
      '-b',
      path.join(root, 'shared/tsconfig.build.json'),
    ]);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-proof-'));
    const write = (name: string, value: unknown) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
      return file;
    };
    const key = write('key.pem', service.signer.publicKey().pem);
    const proof = await service.inclusionProof(reader(), { sequence: 7 });
    const consistency = await service.consistencyProof(reader(), 9);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'scripts/verify-ledger-proof.mjs'), '--key', key, ...args], { encoding: 'utf8' });

    const good = run(
      '--inclusion',
      write('proof.json', { data: { ledgerInclusionProof: proof } }),
      '--consistency',
      write('consistency.json', consistency),
    );
    expect(good.stdout).toContain('every check holds');
    expect(good.status).toBe(0);

    const forged = run('--inclusion', write('forged.json', { ...proof, entry: { ...proof.entry, payloadHash: '00'.repeat(32) } }));
    expect(forged.stdout).toMatch(/FAIL .* is entry 7 of the signed tree/);
    expect(forged.status).toBe(1);
    const otherKey = new LedgerSigner(path.join(work, 'other.pem'));
    const resigned = run('--inclusion', write('resigned.json', { ...proof, head: otherKey.sign(proof.head) }));
    expect(resigned.stdout).toMatch(/FAIL signed head/);
    expect(resigned.status).toBe(1);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('keeps one key: made on first use, read back by another signer of the same file', () => {
    const again = new LedgerSigner(keyFile);
    expect(again.publicKey()).toEqual(service.signer.publicKey());
    expect(() => new LedgerSigner(null).publicKey()).toThrow(/LEDGER_KEY_FILE/);
    expect(nodeSha256(new Uint8Array([1, 2]))).toEqual(grants.sha256(new Uint8Array([1, 2])));
  });

  it('hashes a text as the SHA-256 of its canonical UTF-8, a lone surrogate included', () => {
    for (const text of ['', 'abc', '\u0000{"a":"张三 😀"}', 'a\ud800b', '\udc00😀', '\ud83d']) {
      expect(sha256HexOfText(text), JSON.stringify(text)).toBe(grants.toHex(grants.sha256(ledger.utf8(text))));
    }
  });
});
