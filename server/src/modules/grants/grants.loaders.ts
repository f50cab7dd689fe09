import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LedgerRepository } from '../ledger/ledger.repository';
import { GrantRepository, type CorrectionRow, type EndingRow, type ObjectionRow, type StepRow } from './grant.repository';
import { independentReads } from '../../common/reads';

/** Everything recorded on one grant, as its fields read it. */
export interface GrantRecords {
  steps: StepRow[];
  corrections: CorrectionRow[];
  objections: ObjectionRow[];
  ending: EndingRow | null;
  termId: string | null;
}

declare module '../../common/loaders' {
  interface Loaders {
    /** The records of each grant: five statements for a whole page of grants. */
    grantRecords: DataLoader<string, GrantRecords>;
    /** Each objection with its answer, by id (`node(id:)`). */
    objectionsById: DataLoader<string, ObjectionRow | null>;
    /** Each grant with its region, by id (a term's grant). */
    grantsById: DataLoader<string, import('./grant.entity').Grant | null>;
    /** The grants of each cadre, the latest recorded first (a cadre's page). */
    grantsByCadre: DataLoader<string, import('./grant.entity').Grant[]>;
    /** The ledger entry of each record (a grant, a step, an objection…), by record id. */
    ledgerEntryOfRecord: DataLoader<string, import('../ledger/ledger.repository').LedgerEntryRow | null>;
  }
}

const groupBy = <T extends { grantId: string }>(rows: readonly T[]) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.grantId, [...(groups.get(row.grantId) ?? []), row]);
  return groups;
};

/** The grants module's loaders of one request. */
export function grantsLoaders(em: EntityManager) {
  const grants = new GrantRepository(em);
  const ledger = new LedgerRepository(em);
  return {
    grantRecords: new DataLoader<string, GrantRecords>(async (ids) => {
      const [steps, corrections, objections, endings, terms] = await independentReads(
        em,
        () => grants.stepsOf(ids),
        () => grants.correctionsOf(ids),
        () => grants.objectionsOf(ids),
        () => grants.endingsOf(ids),
        () => grants.termIdsOf(ids),
      );
      const [stepsBy, correctionsBy, objectionsBy, endingsBy] = [
        groupBy(steps),
        groupBy(corrections),
        groupBy(objections),
        groupBy(endings),
      ];
      return ids.map((id) => ({
        steps: stepsBy.get(id) ?? [],
        corrections: correctionsBy.get(id) ?? [],
        objections: objectionsBy.get(id) ?? [],
        ending: endingsBy.get(id)?.[0] ?? null,
        termId: terms.get(id) ?? null,
      }));
    }),
    objectionsById: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await grants.objectionsOfIds(ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    grantsById: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await grants.withRegionsAndPosts(ids)).map((grant) => [grant.id, grant]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    grantsByCadre: new DataLoader(async (cadreIds: readonly string[]) => {
      const rows = await grants.ofCadres(cadreIds);
      return cadreIds.map((id) => rows.filter((grant) => grant.cadre.id === id));
    }),
    ledgerEntryOfRecord: new DataLoader(async (recordIds: readonly string[]) => {
      const rows = new Map((await ledger.entriesOfRecords(recordIds)).map((row) => [row.recordId, row]));
      return recordIds.map((id) => rows.get(id) ?? null);
    }),
  };
}
