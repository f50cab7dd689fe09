import type { EntityManager } from '@mikro-orm/postgresql';
import { grants, ledger, problemOf } from '@massline/shared';
import { AppError, notFound } from '../../common/app-error';
import type { RequestContext } from '../../common/request-context';
import { nodeSha256, sha256HexOfText, type LedgerSigner, type SignedTreeHead } from './ledger-signer';
import type { LedgerRecordType } from './ledger-record-type';
import { LedgerRepository, type LedgerEntryRow, type LedgerEntryToVerify } from './ledger.repository';

/** A record to append: its type (registered) and id (its row is written and flushed). */
export interface LedgerRecord {
  type: string;
  id: string;
}

/** An entry as the API shows it: hashes in hexadecimal, the time as encoded, the leaf hash beside. */
/** What the ledger's reads need of a request: its entity manager (a test or a script gives only that). */
export type LedgerReader = Pick<RequestContext, 'em'>;

export interface LedgerEntryView extends ledger.LedgerEntryFields {
  entryHash: string;
  leafHash: string;
}

export const LEDGER_BREAK_REASONS = [
  'SEQUENCE_GAP',
  'CHAIN_BROKEN',
  'ENTRY_ALTERED',
  'UNKNOWN_RECORD_TYPE',
  'RECORD_MISSING',
  'RECORD_ALTERED',
  'TREE_LEAF_ALTERED',
  'TREE_NODE_ALTERED',
] as const;
export type LedgerBreakReason = (typeof LEDGER_BREAK_REASONS)[number];

export interface LedgerBreak {
  sequence: number;
  reason: LedgerBreakReason;
  recordType: string | null;
  recordId: string | null;
  message: string;
}

export interface LedgerVerification {
  from: number;
  to: number;
  /** Entries checked before the first break (all of them when none). */
  checked: number;
  valid: boolean;
  firstBroken: LedgerBreak | null;
}

export interface InclusionProof {
  entry: LedgerEntryView;
  treeSize: number;
  auditPath: string[];
  head: SignedTreeHead;
}

export interface ConsistencyProof {
  fromSize: number;
  toSize: number;
  proof: string[];
  fromHead: SignedTreeHead;
  toHead: SignedTreeHead;
}

const VERIFY_BATCH = 10_000;
/**
 * Batches read ahead of the one being checked: the database's share of a batch (two statements on two
 * connections) takes less time than this process's, so with two ahead it always has the next one to do.
 */
const VERIFY_AHEAD = 2;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * The first node (by the first entry it spans, then the lowest) where a stored level differs from the one
 * the leaves make: missing, altered, or (a level holding a hash of another length) its first node.
 */
function firstDifferentNode(
  made: readonly Uint8Array[],
  stored: readonly { sized: boolean; hashes: Buffer }[],
  start: number,
): { level: number; index: number } {
  let named: { level: number; index: number; first: number } | null = null;
  made.forEach((nodes, i) => {
    const level = i + 1;
    const found = stored[i];
    let at = 0;
    if (found?.sized) {
      if (found.hashes.equals(nodes)) return;
      while (
        at + 32 <= nodes.length &&
        at + 32 <= found.hashes.length &&
        found.hashes.subarray(at, at + 32).equals(nodes.subarray(at, at + 32))
      ) {
        at += 32;
      }
    }
    const index = Math.ceil(start / 2 ** level) + Math.min(at, Math.max(0, nodes.length - 32)) / 32;
    const first = index * 2 ** level;
    if (!named || first < named.first || (first === named.first && level < named.level)) named = { level, index, first };
  });
  if (!named) throw new Error('the stored tree differs from the one its leaves make, yet no node differs');
  return named;
}

/** An entry as the API shows it, its leaf hash computed from its fields. */
export function ledgerEntryView(row: LedgerEntryRow): LedgerEntryView {
  const fields: ledger.LedgerEntryFields = {
    sequence: row.sequence,
    recordedAt: row.recordedAt,
    recordType: row.recordType,
    recordId: row.recordId,
    payloadHash: row.payloadHash,
    previousHash: row.previousHash,
  };
  return { ...fields, entryHash: row.entryHash, leafHash: hex(ledger.entryLeafHash(nodeSha256, fields)) };
}

/**
 * The ledger: appends records in their own transaction (strictly in sequence, under the head's lock),
 * signs tree heads, proves inclusion and consistency from stored nodes in O(log n) reads, and verifies
 * the chain and the tree from the records themselves.
 */
export class LedgerService {
  private readonly types = new Map<string, LedgerRecordType>();

  constructor(readonly signer: LedgerSigner) {}

  registerRecordType(recordType: LedgerRecordType): void {
    if (this.types.has(recordType.type)) throw new Error(`ledger record type ${recordType.type} registered twice`);
    this.types.set(recordType.type, recordType);
  }

  /** The canonical payload of each record asked for, by type then id (absent: the record is gone). */
  private async payloadsOf(em: EntityManager, records: readonly LedgerRecord[]): Promise<Map<string, Map<string, ledger.CanonicalValue>>> {
    const byType = new Map<string, string[]>();
    for (const { type, id } of records) {
      const ids = byType.get(type);
      if (ids) ids.push(id);
      else byType.set(type, [id]);
    }
    const found = new Map<string, Map<string, ledger.CanonicalValue>>();
    for (const [type, ids] of byType) {
      const recordType = this.types.get(type);
      if (recordType) found.set(type, await new LedgerRepository(em).payloads(recordType, ids));
    }
    return found;
  }

  /**
   * Appends records (already written and flushed in `em`'s transaction) to the ledger, in the given
   * order. Waits for the head's lock: appends commit one after another, each entry chained to the last.
   */
  async append(em: EntityManager, records: readonly LedgerRecord[]): Promise<LedgerEntryView[]> {
    if (records.length === 0) return [];
    const payloads = await this.payloadsOf(em, records);
    const repository = new LedgerRepository(em);
    const head = await repository.lockHead();
    const frontier = await repository.nodes(ledger.frontierOf(head.size));
    let previousHash = head.lastHash;
    const entries = records.map(({ type, id }, offset) => {
      if (!this.types.has(type)) throw new Error(`ledger record type ${type} is not registered`);
      const payload = payloads.get(type)?.get(id);
      if (payload === undefined) throw new Error(`${type} ${id} is not written yet: append it after flushing it`);
      const fields: ledger.LedgerEntryFields = {
        sequence: head.size + offset,
        recordedAt: head.now,
        recordType: type,
        recordId: id,
        payloadHash: ledger.payloadHashOf(nodeSha256, payload),
        previousHash,
      };
      const { entryHash, leafHash } = ledger.entryHashes(nodeSha256, fields);
      previousHash = entryHash;
      return { ...fields, entryHash, leafHash };
    });
    const leaves = entries.map((entry) => entry.leafHash);
    await repository.append(entries, ledger.nodesAfterAppend(nodeSha256, head.size, leaves, frontier), head.size);
    return entries.map((entry, i) => ({ ...entry, leafHash: hex(leaves[i]) }));
  }

  /**
   * Runs an RFC 9162 computation (a root, a proof) over stored nodes: a first pass notes the subtrees it
   * asks for (their shape does not depend on the hashes), one statement reads their nodes, a second pass
   * computes.
   */
  private async overNodes<T>(repository: LedgerRepository, compute: (subtree: grants.SubtreeHasher) => T): Promise<T> {
    const wanted: ledger.NodeAddress[] = [];
    const placeholder = new Uint8Array(32);
    compute((start, end) => {
      wanted.push(...ledger.nodesOfSubtree(start, end));
      return placeholder;
    });
    const nodes = await repository.nodes(wanted);
    return compute((start, end) =>
      ledger.subtreeHashFromNodes(nodeSha256, start, end, (level, index) => {
        const node = nodes.get(ledger.nodeKey(level, index));
        if (!node) throw new Error(`the ledger's tree node ${ledger.nodeKey(level, index)} is missing`);
        return node;
      }),
    );
  }

  /** MTH of the first `size` leaves, folded from stored nodes by `subtree` (the SHA-256 of nothing when empty). */
  private static root(subtree: grants.SubtreeHasher, size: number): Uint8Array {
    return size === 0 ? nodeSha256(new Uint8Array(0)) : subtree(0, size);
  }

  /** A tree size asked for, checked against the ledger's size now. */
  private checkSize(field: string, size: number, current: number, min = 0): void {
    if (!Number.isInteger(size) || size < min || size > current) {
      throw new AppError('LEDGER_RANGE_INVALID', `${field} must be between ${min} and the ledger's size, ${current}: got ${size}`, {
        [field]: problemOf('LEDGER_SIZE_OUT_OF_RANGE', { got: size, min, size: current }),
      });
    }
  }

  private sign(treeSize: number, root: Uint8Array): SignedTreeHead {
    return this.signer.sign({ treeSize, rootHash: hex(root), timestamp: new Date().toISOString() });
  }

  /** The signed head of the ledger as it is now, or of its first `treeSize` entries. */
  async head(context: LedgerReader, treeSize?: number | null): Promise<SignedTreeHead> {
    const repository = new LedgerRepository(context.em);
    const current = await repository.size();
    const size = treeSize ?? current;
    this.checkSize('treeSize', size, current);
    return this.sign(size, await this.overNodes(repository, (subtree) => LedgerService.root(subtree, size)));
  }

  /**
   * The inclusion proof of one entry (by its record or its sequence) in the tree of `treeSize` entries (the
   * whole ledger by default). Two statements: the entry with the ledger's size, then every node the audit
   * path and the signed root need.
   */
  async inclusionProof(
    context: LedgerReader,
    at: { recordId?: string | null; sequence?: number | null },
    treeSize?: number | null,
  ): Promise<InclusionProof> {
    if ((at.recordId == null) === (at.sequence == null)) {
      throw new AppError('INVALID_INPUT', 'Name the entry by its record or by its sequence, not both', { recordId: problemOf('REQUIRED') });
    }
    const repository = new LedgerRepository(context.em);
    const found = await repository.entryWithSize(at.recordId != null ? { recordId: at.recordId } : { sequence: at.sequence! });
    if (!found) throw notFound('Ledger entry');
    const { entry: row, size: current } = found;
    const size = treeSize ?? current;
    this.checkSize('treeSize', size, current, row.sequence + 1);
    const { path, root } = await this.overNodes(repository, (subtree) => ({
      path: grants.inclusionProof(row.sequence, size, subtree),
      root: LedgerService.root(subtree, size),
    }));
    return { entry: ledgerEntryView(row), treeSize: size, auditPath: path.map(hex), head: this.sign(size, root) };
  }

  /**
   * The consistency proof from the tree of `fromSize` entries to the tree of `toSize` (default: the ledger
   * now), both heads signed: the proof and both roots from one read of nodes.
   */
  async consistencyProof(context: LedgerReader, fromSize: number, toSize?: number | null): Promise<ConsistencyProof> {
    const repository = new LedgerRepository(context.em);
    const current = await repository.size();
    const to = toSize ?? current;
    this.checkSize('toSize', to, current);
    this.checkSize('fromSize', fromSize, to);
    const { proof, fromRoot, toRoot } = await this.overNodes(repository, (subtree) => ({
      proof: grants.consistencyProof(fromSize, to, subtree),
      fromRoot: LedgerService.root(subtree, fromSize),
      toRoot: LedgerService.root(subtree, to),
    }));
    return { fromSize, toSize: to, proof: proof.map(hex), fromHead: this.sign(fromSize, fromRoot), toHead: this.sign(to, toRoot) };
  }

  /** The ledger entries of these records, by record id (for the records' own pages). */
  async entriesOf(em: EntityManager, recordIds: readonly string[]): Promise<Map<string, LedgerEntryView>> {
    const rows = await new LedgerRepository(em).entriesOfRecords(recordIds);
    return new Map(rows.map((row) => [row.recordId, ledgerEntryView(row)]));
  }

  /**
   * The first broken entry of a batch read in sequence from `expected`, chained to `previous`, or null:
   * each entry's hashes as the database checked them (`entriesChecked`) or recomputed here from its fields
   * (`entriesToVerify`: one encoding makes its entry hash and its leaf hash), and its record's payload as it
   * is now. `settled` says whether a break found is the last word: a break of an entry or leaf checked by
   * the database, or of a payload written from its members, is judged again from the fields and the JSON.
   */
  private firstBreakIn(
    rows: readonly LedgerEntryToVerify[],
    payloads: ReadonlyMap<string, ReadonlyMap<string, string>>,
    expected: number,
    previous: string,
    settled: boolean,
  ): { found: LedgerBreak; settled: boolean } | null {
    for (const [
      sequence,
      recordType,
      recordId,
      payloadHash,
      previousHash,
      storedHash,
      leafHash,
      entrySound,
      leafSound,
      recordedAt,
    ] of rows) {
      const at = { sequence: expected, recordType, recordId };
      if (sequence !== expected) {
        return {
          found: { ...at, reason: 'SEQUENCE_GAP', recordType: null, recordId: null, message: `Entry ${expected} is missing` },
          settled: true,
        };
      }
      if (previousHash !== previous) {
        return {
          found: {
            ...at,
            reason: 'CHAIN_BROKEN',
            message: `Entry ${expected} names ${previousHash} as the entry before, which hashes ${previous}`,
          },
          settled: true,
        };
      }
      // Encoded here when the database did not check it: one encoding as text, hashed as UTF-8 twice — the
      // entry hash, and the leaf (0x00 ‖ the same bytes).
      const text =
        entrySound === null
          ? ledger.ledgerEntryText({ sequence, recordedAt: recordedAt!, recordType, recordId, payloadHash, previousHash })
          : '';
      const entryHash = entrySound === null ? sha256HexOfText(text) : null;
      if (entrySound === false || (entryHash !== null && entryHash !== storedHash)) {
        return {
          found: {
            ...at,
            reason: 'ENTRY_ALTERED',
            message: `Entry ${expected} hashes ${entryHash ?? '?'}, not the ${storedHash} it was stored with`,
          },
          settled: entrySound === null,
        };
      }
      if (!this.types.has(recordType)) {
        return {
          found: { ...at, reason: 'UNKNOWN_RECORD_TYPE', message: `Entry ${expected} is a ${recordType}, a type no module reads` },
          settled: true,
        };
      }
      const payload = payloads.get(recordType)?.get(recordId);
      if (payload === undefined) {
        return {
          found: { ...at, reason: 'RECORD_MISSING', message: `Entry ${expected}'s ${recordType} ${recordId} no longer exists` },
          settled: true,
        };
      }
      // The payload's canonical encoding, written from the record as it is now (payloadsInRange).
      const payloadHashNow = sha256HexOfText(payload);
      if (payloadHashNow !== payloadHash) {
        return {
          found: {
            ...at,
            reason: 'RECORD_ALTERED',
            message: `Entry ${expected}'s ${recordType} ${recordId} now hashes ${payloadHashNow}, not ${payloadHash} as when it was recorded`,
          },
          settled,
        };
      }
      if (leafHash === null || leafSound === false || (leafSound === null && sha256HexOfText(`\u0000${text}`) !== leafHash)) {
        return {
          found: { ...at, reason: 'TREE_LEAF_ALTERED', message: `The tree's leaf of entry ${expected} is not the entry's leaf hash` },
          settled: leafHash === null || leafSound === null,
        };
      }
      previous = storedHash;
      expected++;
    }
    return null;
  }

  /**
   * Verifies entries from..to (the whole ledger by default) from the records themselves: the sequence
   * has no gap, each entry's hash is its fields' and chains to the one before, each record still exists
   * and its payload hashes as it did, each stored leaf and tree node is what the entries make. Names
   * the first broken entry and why.
   */
  async verify(context: LedgerReader, from?: number | null, to?: number | null): Promise<LedgerVerification> {
    const { em } = context;
    const repository = new LedgerRepository(em);
    const current = await repository.size();
    const end = to ?? current;
    const start = from ?? 0;
    this.checkSize('to', end, current);
    this.checkSize('from', start, end);
    const broken = (checked: number, found: Omit<LedgerBreak, 'message'>, message: string): LedgerVerification => ({
      from: start,
      to: end,
      checked,
      valid: false,
      firstBroken: { ...found, message },
    });
    let previous = ledger.GENESIS_HASH;
    if (start > 0) {
      const before = await repository.entryBySequence(start - 1);
      if (!before) {
        return broken(
          0,
          { sequence: start - 1, reason: 'SEQUENCE_GAP', recordType: null, recordId: null },
          `Entry ${start - 1} is missing`,
        );
      }
      previous = before.entryHash;
    }
    // The stored inner nodes are read (a level a row) while this process walks the chain and makes the
    // range's tree from its checked leaves, batch by batch; the two are compared once the chain holds.
    const storedLevels = repository.storedInnerLevels(start, end);
    storedLevels.catch(() => undefined);
    const tree = new ledger.RangeTreeBuilder(nodeSha256, start, end);
    // Batches are read ahead (VERIFY_AHEAD): the database reads and hashes the next entries and reads their
    // records' payloads (two statements at once, on two connections of the pool) while this process writes
    // and hashes the current payloads and makes the tree.
    // Each type's payloads are read as their members' texts where its members' types allow (see
    // payloadsInRange); a record found altered is judged again from the JSON PostgreSQL makes of it.
    const types = [...this.types.values()];
    const plans = await Promise.all(
      types.map(async (recordType) => ({ recordType, kinds: await repository.payloadMemberKinds(recordType) })),
    );
    const asJson = types.map((recordType) => ({ recordType, kinds: null }));
    const payloadsOf = (batch: number, batchEnd: number, readPlans: typeof plans) => repository.payloadsInRange(readPlans, batch, batchEnd);
    const load = async (batch: number) => {
      const batchEnd = Math.min(end, batch + VERIFY_BATCH);
      const [rows, payloads] = await Promise.all([repository.entriesChecked(batch, batchEnd), payloadsOf(batch, batchEnd, plans)]);
      return { rows, payloads };
    };
    // The batches being read, oldest first: each leaves the queue when it is checked, so that a verification
    // of any length holds VERIFY_AHEAD + 1 batches at most.
    const reading: Promise<Awaited<ReturnType<typeof load>>>[] = [];
    let toRead = start;
    const readAhead = () => {
      while (reading.length <= VERIFY_AHEAD && toRead < end) {
        const loading = load(toRead);
        loading.catch(() => undefined);
        reading.push(loading);
        toRead += VERIFY_BATCH;
      }
    };
    let expected = start;
    for (let batch = start; batch < end; batch += VERIFY_BATCH) {
      readAhead();
      const loaded = await reading.shift()!;
      let rows = loaded.rows;
      const batchEnd = Math.min(end, batch + VERIFY_BATCH);
      let checked = this.firstBreakIn(rows, loaded.payloads, expected, previous, !plans.some(({ kinds }) => kinds !== null));
      if (checked && !checked.settled) {
        // A break found by the database's hashing of the entries, or by the members' writing of a payload (both
        // tested equal to the reference): the batch is judged again by encoding its entries here and reading
        // its payloads as JSON, whose verdict is the one given.
        rows = await repository.entriesToVerify(batch, batchEnd);
        checked = this.firstBreakIn(rows, await payloadsOf(batch, batchEnd, asJson), expected, previous, true);
      }
      if (checked) {
        // The batches read ahead are not needed: they finish quietly.
        return broken(checked.found.sequence - start, checked.found, checked.found.message);
      }
      expected += rows.length;
      // The batch's stored leaves, each its entry's leaf hash (checked above).
      tree.add(Buffer.from(rows.map((row) => row[6]).join(''), 'hex'));
      // The last entry's stored hash (checked above): the next batch chains to it.
      if (rows.length > 0) previous = rows[rows.length - 1][5];
      if (expected < batchEnd) {
        return broken(
          expected - start,
          { sequence: expected, reason: 'SEQUENCE_GAP', recordType: null, recordId: null },
          `Entry ${expected} is missing`,
        );
      }
    }
    const made = tree.levels();
    const stored = await storedLevels;
    if (made.some((nodes, i) => !stored[i]?.sized || !stored[i].hashes.equals(nodes))) {
      // Named as the first stored node (by the entries it spans, then the lowest) that is not the hash of
      // its two stored children; failing that (a node gone whose parent is outside the range), the first
      // stored node that is not the one its leaves make.
      const [node] = await repository.brokenNodes(start, end);
      const named = node ?? firstDifferentNode(made, stored, start);
      const first = named.index * 2 ** named.level;
      const row = await repository.entryBySequence(first);
      return broken(
        end - start,
        { sequence: first, reason: 'TREE_NODE_ALTERED', recordType: row?.recordType ?? null, recordId: row?.recordId ?? null },
        node
          ? `The tree's node over entries ${first} to ${first + 2 ** named.level - 1} is not the hash of its two children`
          : `The tree's node over entries ${first} to ${first + 2 ** named.level - 1} is missing or is not the one its entries make`,
      );
    }
    return { from: start, to: end, checked: end - start, valid: true, firstBroken: null };
  }
}
