import { randomBytes } from 'node:crypto';
import type { ApiClient } from '../../support/api-client';
import type { Actor, TestServer } from '../../support/test-server';

/**
 * The permission matrix's vocabulary: the callers, the outcomes, a row, the fixtures rows may use, and
 * the usual expectations. Each module's rows are in `<module>.matrix.ts`, folded by permission-matrix.spec.ts.
 *
 * ALLOW means the call is not refused for permission reasons (no FORBIDDEN / UNAUTHENTICATED error).
 * "In scope" fixtures live in Dongshan County (880101): orgIn is its organization, orgOut the organization
 * of the sibling Xihe County, auditor audits Jiangchuan City (which contains Dongshan), orgRoot is the
 * province's organization (the platform's administrator).
 */
export type Outcome = 'ALLOW' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export const ACTORS = ['orgRoot', 'orgIn', 'orgOut', 'auditor', 'citizen', 'token', 'anonymous'] as const satisfies readonly Actor[];
export type MatrixActor = (typeof ACTORS)[number];

export interface Row {
  document: string;
  /** The operation's arguments, made for the actor about to call it (fixtures some actors own, like an acknowledgement to undo). */
  variables?: (fixtures: Fixtures, actor: MatrixActor) => Promise<Record<string, unknown>>;
  expect: Record<MatrixActor, Outcome>;
  /** The id it asks for names nothing: an allowed caller gets NOT_FOUND (a lookup's answer), not data. */
  absent?: true;
  /** Run with a client of its own (the operation changes the caller's session). */
  freshClient?: boolean;
}

export interface Fixtures {
  server: TestServer;
  orgIn: ApiClient;
  orgRoot: ApiClient;
  dongshanId: string;
  dongshanTownshipId: string;
  inScopeUserId: string;
  /** A new organization of a Dongshan township, made by Dongshan's organization. */
  createOrganization(): Promise<string>;
  /** A new open alert on a Dongshan township. */
  openAlert(): Promise<string>;
  /** A new alert on a Dongshan township, acknowledged a moment ago by the actor (what it may undo). */
  acknowledgedAlert(actor: MatrixActor): Promise<string>;
}

export const everyone: Record<MatrixActor, Outcome> = {
  orgRoot: 'ALLOW',
  orgIn: 'ALLOW',
  orgOut: 'ALLOW',
  auditor: 'ALLOW',
  citizen: 'ALLOW',
  token: 'ALLOW',
  anonymous: 'ALLOW',
};
/** Readers of the jurisdiction's private records: the organization and the auditor; lists are scoped in SQL. */
export const jurisdictionList: Record<MatrixActor, Outcome> = {
  orgRoot: 'ALLOW',
  orgIn: 'ALLOW',
  orgOut: 'ALLOW',
  auditor: 'ALLOW',
  citizen: 'FORBIDDEN',
  token: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};
/** One record of Dongshan, read by id. */
export const jurisdictionRecord: Record<MatrixActor, Outcome> = { ...jurisdictionList, orgOut: 'FORBIDDEN' };
/** A change to a record of Dongshan: only Dongshan's organization (or one above it). */
export const jurisdictionChange: Record<MatrixActor, Outcome> = { ...jurisdictionRecord, auditor: 'FORBIDDEN' };

/** The platform-wide catalogue and methodology: the root organization alone. */
export const rootOnly: Record<MatrixActor, Outcome> = { ...jurisdictionChange, orgIn: 'FORBIDDEN' };

export const unique = () => randomBytes(4).toString('hex');
export const uuid = () => '00000000-0000-4000-8000-' + randomBytes(6).toString('hex');

/** A module's rows: each operation of the module (`Query.x`, `Mutation.y`) and who may call it. */
export type MatrixRows = Record<string, Row>;
