import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { ledger } from '@massline/shared';
import { sql } from '../../common/sql';
import { canonicalMember, ledgerIsoTime, payloadMemberKind, type LedgerRecordType, type PayloadMemberKind } from './ledger-record-type';

/** An entry as stored, hashes as hexadecimal. */
export interface LedgerEntryRow {
  sequence: number;
  /** ISO 8601 in UTC with milliseconds, as the entry's encoding says it. */
  recordedAt: string;
  recordType: string;
  recordId: string;
  payloadHash: string;
  previousHash: string;
  entryHash: string;
}

/** A timestamp as the ledger encodes it: ISO 8601 in UTC with milliseconds, made by the database (never the driver's parsing). */
const ISO_UTC = ledgerIsoTime;

/**
 * An entry as the verifier reads it, a row as an array (pg builds no object per row): its fields, its
 * stored Merkle leaf (null if the tree has none), and either the database's check of its entry and leaf
 * hashes (`entriesChecked`, `recordedAt` null) or the time to encode it here (`entriesToVerify`, the
 * checks null).
 */
export type LedgerEntryToVerify = [
  sequence: number,
  recordType: string,
  recordId: string,
  payloadHash: string,
  previousHash: string,
  entryHash: string,
  leafHash: string | null,
  entrySound: boolean | null,
  leafSound: boolean | null,
  recordedAt: string | null,
];

/**
 * An entry's canonical encoding (`ledgerEntryText`, docs/ledger.md) written by SQL over the entry `e`,
 * its hashes as hexadecimal `h.payload` and `h.previous`: what `entriesChecked` hashes. Its record type is
 * escaped by `to_json`; every other field holds nothing JSON escapes. A test holds it equal to
 * `ledgerEntryText` for every entry it writes; where it differed, the entry would only be found altered
 * here and judged again from its fields.
 */
const ENTRY_TEXT_SQL = `concat('{"payloadHash":"', h."payload", '","previousHash":"', h."previous", '","recordId":"', e."record_id",
  '","recordType":', to_json(e."record_type"), ',"recordedAt":"', ${ledgerIsoTime('e."recorded_at"')}, '","sequence":', e."sequence", '}')`;

/**
 * The entries `e` from `from` to `to` in order, each with its stored leaf `n` (bindings: from, to, from, to),
 * and `joins` beside them. The leaves' range as well as the entries': the planner then reads both by their
 * keys, not every leaf.
 */
const entriesWithLeaves = (joins = '') => `from "ledger_entry" e
  left join "ledger_node" n on n."level" = 0 and n."index" = e."sequence" and n."index" >= ? and n."index" < ?
  ${joins}
  where e."sequence" >= ? and e."sequence" < ? order by e."sequence"`;

/** The columns of an entry as a `LedgerEntryRow`, from the table aliased `t`. */
const entryColumns = (t: string) =>
  `${t}."sequence"::float8 as "sequence", ${ISO_UTC(`${t}."recorded_at"`)} as "recordedAt", ${t}."record_type" as "recordType", ${t}."record_id" as "recordId",
   encode(${t}."payload_hash", 'hex') as "payloadHash", encode(${t}."previous_hash", 'hex') as "previousHash", encode(${t}."entry_hash", 'hex') as "entryHash"`;

/** The ledger's SQL: its head, its entries and its tree's stored nodes. */
export class LedgerRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The head, locked for this transaction (every other append waits here until it commits), and the
   * database's time, to the millisecond, for the entries about to be appended.
   */
  async lockHead(): Promise<{ size: number; lastHash: string; now: string }> {
    const [head] = await sql<{ size: number; lastHash: string; now: string }>(
      this.em,
      `select "size"::float8 as "size", encode("last_hash", 'hex') as "lastHash", ${ISO_UTC('clock_timestamp()')} as "now"
         from "ledger_head" where "id" = 1 for update`,
    );
    return head;
  }

  async size(): Promise<number> {
    const [head] = await sql<{ size: number }>(this.em, `select "size"::float8 as "size" from "ledger_head" where "id" = 1`);
    return head.size;
  }

  /** The stored nodes asked for, by `nodeKey` (one statement, however many). */
  async nodes(addresses: readonly ledger.NodeAddress[]): Promise<Map<string, Uint8Array>> {
    if (addresses.length === 0) return new Map();
    const rows = await sql<{ level: number; index: number; hash: Buffer }>(
      this.em,
      `select n."level", n."index"::float8 as "index", n."hash"
         from unnest(?::smallint[], ?::bigint[]) as a("level", "index")
         join "ledger_node" n on n."level" = a."level" and n."index" = a."index"`,
      [addresses.map((a) => a.level), addresses.map((a) => a.index)],
    );
    return new Map(rows.map((row) => [ledger.nodeKey(row.level, row.index), new Uint8Array(row.hash)]));
  }

  /** Appends entries and nodes, then moves the head from the size it was locked at (guarded: no other append can have moved it). */
  async append(
    entries: readonly (ledger.LedgerEntryFields & { entryHash: string })[],
    nodes: readonly ledger.StoredNode[],
    from: number,
  ): Promise<void> {
    await sql(
      this.em,
      `insert into "ledger_entry" ("sequence", "recorded_at", "record_type", "record_id", "payload_hash", "previous_hash", "entry_hash")
       select s, t, rt, rid, decode(ph, 'hex'), decode(pv, 'hex'), decode(eh, 'hex')
         from unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[]) as e(s, t, rt, rid, ph, pv, eh)`,
      [
        entries.map((e) => e.sequence),
        entries.map((e) => e.recordedAt),
        entries.map((e) => e.recordType),
        entries.map((e) => e.recordId),
        entries.map((e) => e.payloadHash),
        entries.map((e) => e.previousHash),
        entries.map((e) => e.entryHash),
      ],
    );
    await sql(
      this.em,
      `insert into "ledger_node" ("level", "index", "hash") select l, i, decode(h, 'hex') from unnest(?::smallint[], ?::bigint[], ?::text[]) as n(l, i, h)`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => Buffer.from(n.hash).toString('hex'))],
    );
    const last = entries[entries.length - 1];
    const moved = await sql<{ id: number }>(
      this.em,
      `update "ledger_head" set "size" = ?, "last_hash" = decode(?, 'hex') where "id" = 1 and "size" = ? returning "id"`,
      [from + entries.length, last.entryHash, from],
    );
    if (moved.length !== 1) throw new Error('the ledger head moved while it was locked');
  }

  /** An entry, by its sequence or the first of its record, with the ledger's size, in one statement (an inclusion proof's first read). */
  async entryWithSize(at: { recordId: string } | { sequence: number }): Promise<{ entry: LedgerEntryRow; size: number } | null> {
    const [row] = await sql<LedgerEntryRow & { ledgerSize: number }>(
      this.em,
      `select ${entryColumns('e')}, (select h."size"::float8 from "ledger_head" h where h."id" = 1) as "ledgerSize"
         from "ledger_entry" e where ${'recordId' in at ? 'e."record_id" = ?' : 'e."sequence" = ?'} order by e."sequence" limit 1`,
      ['recordId' in at ? at.recordId : at.sequence],
    );
    if (!row) return null;
    const { ledgerSize, ...entry } = row;
    return { entry, size: ledgerSize };
  }

  async entryBySequence(sequence: number): Promise<LedgerEntryRow | null> {
    const [row] = await sql<LedgerEntryRow>(this.em, `select ${entryColumns('e')} from "ledger_entry" e where e."sequence" = ?`, [
      sequence,
    ]);
    return row ?? null;
  }

  /** The entries of these records (each record enters once), for a page of records: one statement. */
  entriesOfRecords(recordIds: readonly string[]): Promise<LedgerEntryRow[]> {
    return sql<LedgerEntryRow>(this.em, `select ${entryColumns('e')} from "ledger_entry" e where e."record_id" = any(?::uuid[])`, [
      [...recordIds],
    ]);
  }

  /** The canonical payload of each record of a type asked for that exists, by id (one statement, however many). */
  async payloads(recordType: LedgerRecordType, ids: readonly string[]): Promise<Map<string, ledger.CanonicalValue>> {
    const rows = await sql<{ id: string; payload: ledger.CanonicalValue }>(
      this.em,
      `select t.id, ${recordType.payloadSql} as payload from "${recordType.table}" t where t.id = any(?::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, row.payload]));
  }

  /**
   * Plain SQL whose rows come as arrays (pg builds no object per row): the verifier's batches of 10,000
   * rows. `asText`: every value as PostgreSQL wrote it (no parsing into numbers, dates or objects).
   */
  private async arrays<T>(
    text: string,
    bindings: readonly unknown[],
    asText = false,
  ): Promise<{ rows: T[]; fields: { dataTypeID: number }[] }> {
    const runner = (this.em.getTransactionContext<Knex.Transaction>() ?? this.em.getKnex()) as Knex;
    const options = asText ? { rowMode: 'array', types: { getTypeParser: () => (value: string) => value } } : { rowMode: 'array' };
    return (await runner.raw(text, bindings as Knex.RawBinding[]).options(options)) as { rows: T[]; fields: { dataTypeID: number }[] };
  }

  /** Entries from `from` (inclusive) to `to` (exclusive), with their stored leaf hash and their time, in order. */
  async entriesToVerify(from: number, to: number): Promise<LedgerEntryToVerify[]> {
    const { rows } = await this.arrays<LedgerEntryToVerify>(
      `select e."sequence"::float8, e."record_type", e."record_id", encode(e."payload_hash", 'hex'), encode(e."previous_hash", 'hex'),
              encode(e."entry_hash", 'hex'), encode(n."hash", 'hex'), null::boolean, null::boolean, ${ISO_UTC('e."recorded_at"')}
         ${entriesWithLeaves()}`,
      [from, to, from, to],
    );
    return rows;
  }

  /**
   * Entries from `from` to `to`, in order, each with whether its fields, encoded by `ENTRY_TEXT_SQL`, hash
   * to its stored entry hash, and whether its stored leaf is SHA-256 of 0x00 and the same bytes: the
   * database hashes the entries (set-based, on its own connection) while the verifier writes and hashes the
   * payloads and makes the tree. One encoding a row, hashed twice.
   */
  async entriesChecked(from: number, to: number): Promise<LedgerEntryToVerify[]> {
    const { rows } = await this.arrays<LedgerEntryToVerify>(
      `select e."sequence"::float8, e."record_type", e."record_id", h."payload", h."previous", encode(e."entry_hash", 'hex'), encode(n."hash", 'hex'),
              sha256(b."bytes") = e."entry_hash", coalesce(n."hash" = sha256('\\x00'::bytea || b."bytes"), false), null::text
         ${entriesWithLeaves(
           // offset 0: the encoding is made once a row and hashed twice (pulled up, it would be made for each hash).
           `cross join lateral (select encode(e."payload_hash", 'hex') as "payload", encode(e."previous_hash", 'hex') as "previous") h
            cross join lateral (select convert_to(${ENTRY_TEXT_SQL}, 'UTF8') as "bytes" offset 0) b`,
         )}`,
      [from, to, from, to],
    );
    return rows;
  }

  /**
   * The kinds of a record type's payload members, from the PostgreSQL types of their SQL (one statement
   * that reads no row), or null when its payload is not members or one of them cannot be written from its
   * text: the verifier then reads that type's payloads as JSON.
   */
  async payloadMemberKinds(recordType: LedgerRecordType): Promise<PayloadMemberKind[] | null> {
    if (!recordType.members || recordType.members.length === 0) return null;
    const { fields } = await this.arrays(
      `select ${recordType.members.map(({ sql }) => sql).join(', ')} from "${recordType.table}" t limit 0`,
      [],
    );
    const kinds = fields.map((field) => payloadMemberKind(field.dataTypeID));
    return kinds.every((kind) => kind !== null) ? (kinds as PayloadMemberKind[]) : null;
  }

  /**
   * The canonical payload text of each record that the entries from..to name and that exists, by type then
   * id, in one statement: the database takes the ids from the entries itself (not sent back from here) and
   * reads each type's records by one bitmap scan of their primary key.
   *
   * A type read by members (`kinds`) comes as its members' texts, which `canonicalMember` writes as the
   * canonical encoding does: PostgreSQL builds no JSON and this process parses none (building it took
   * PostgreSQL ~5 µs a record, parsing and re-encoding it here ~4 µs). Any other type comes as its
   * payload's JSON text, encoded by `canonicalJsonOfText`.
   */
  async payloadsInRange(
    plans: readonly { recordType: LedgerRecordType; kinds: readonly PayloadMemberKind[] | null }[],
    from: number,
    to: number,
  ): Promise<Map<string, Map<string, string>>> {
    const found = new Map(plans.map(({ recordType }) => [recordType.type, new Map<string, string>()]));
    if (plans.length === 0) return found;
    const columnsOf = ({ recordType, kinds }: (typeof plans)[number]) =>
      kinds ? recordType.members!.map(({ sql }) => `(${sql})::text`) : [`(${recordType.payloadSql})::text`];
    const width = Math.max(...plans.map((plan) => columnsOf(plan).length));
    const { rows } = await this.arrays<(string | null)[]>(
      `with r as materialized (select e."record_type", e."record_id" from "ledger_entry" e where e."sequence" >= ? and e."sequence" < ?)
       ${plans
         .map((plan, i) => {
           const columns = columnsOf(plan);
           const padding = Array.from({ length: width - columns.length }, () => 'null::text');
           return `select ${i}, t.id, ${[...columns, ...padding].join(', ')} from "${plan.recordType.table}" t
                    where t.id = any(array(select r."record_id" from r where r."record_type" = ?))`;
         })
         .join(' union all ')}`,
      [from, to, ...plans.map(({ recordType }) => recordType.type)],
      true,
    );
    // Each member's key as the canonical encoding writes it, with its colon, once a type.
    const keyTexts = plans.map(({ recordType, kinds }) => (kinds ? recordType.members!.map(({ key }) => `${JSON.stringify(key)}:`) : []));
    const byPlan = plans.map(({ recordType }) => found.get(recordType.type)!);
    const parts: string[] = [];
    for (const row of rows) {
      const plan = Number(row[0]);
      const { kinds } = plans[plan];
      if (kinds) {
        // Joined once into a flat string (concatenation would leave a rope for the hash to flatten).
        const keys = keyTexts[plan];
        for (let i = 0; i < kinds.length; i++) parts[i] = keys[i] + canonicalMember(kinds[i], row[i + 2]);
        parts.length = kinds.length;
        byPlan[plan].set(row[1]!, `{${parts.join(',')}}`);
      } else {
        byPlan[plan].set(row[1]!, ledger.canonicalJsonOfText(row[2]!));
      }
    }
    return found;
  }

  /**
   * The stored inner nodes wholly inside the leaves from..to, a level a row from level 1 up (every level
   * whose nodes span no more than the range, as `RangeTreeBuilder` makes them): whether each is 32 bytes,
   * and their hashes side by side in index order. One statement reading each level by its key, no hashing:
   * the verifier compares them with the nodes the range's checked leaves make.
   */
  async storedInnerLevels(from: number, to: number): Promise<{ sized: boolean; hashes: Buffer }[]> {
    const { rows } = await this.arrays<[boolean | null, Buffer | null]>(
      `select x."sized", x."hashes"
         from generate_series(1, 62) as l("level")
        cross join lateral (
          select bool_and(length(n."hash") = 32) as "sized", string_agg(n."hash", ''::bytea order by n."index") as "hashes"
            from "ledger_node" n
           where n."level" = l."level" and n."index" >= ((?::bigint + (1::bigint << l."level") - 1) >> l."level")
             and n."index" < (?::bigint >> l."level")) x
        where (1::bigint << l."level") <= ?::bigint - ?::bigint
        order by l."level"`,
      [from, to, to, from],
    );
    return rows.map(([sized, hashes]) => ({ sized: sized ?? true, hashes: hashes ?? Buffer.alloc(0) }));
  }

  /**
   * The stored inner nodes wholly inside the leaves from..to whose hash is not the node hash of their two
   * stored children, lowest first: a tree that proofs would answer falsely from.
   */
  async brokenNodes(from: number, to: number): Promise<{ level: number; index: number }[]> {
    return sql(
      this.em,
      `select p."level", p."index"::float8 as "index"
         from "ledger_node" p
         left join "ledger_node" l on l."level" = p."level" - 1 and l."index" = p."index" * 2
         left join "ledger_node" r on r."level" = p."level" - 1 and r."index" = p."index" * 2 + 1
        where p."level" > 0 and p."index" * (1::bigint << p."level") >= ? and (p."index" + 1) * (1::bigint << p."level") <= ?
          and (l."hash" is null or r."hash" is null or p."hash" <> sha256('\\x01'::bytea || l."hash" || r."hash"))
        order by p."index" * (1::bigint << p."level"), p."level"
        limit 1`,
      [from, to],
    );
  }
}
