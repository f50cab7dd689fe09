import type { MongoQuery } from '@casl/ability';
import type { Action, Principal } from './vocabulary';

/** Where a subject keeps its region's path, for "inside this jurisdiction" conditions. */
export type RegionPathField = 'path' | 'region.path' | 'regionPath';

/**
 * What a module adds to the permission policy, declared in `shared/src/domain/<module>/permissions.ts`
 * and folded by `permissions/vocabulary.ts` and `rules.ts` over SHARED_MODULES (shared/src/modules.ts).
 * `S` is the module's own subjects.
 */
export interface ModulePermissions<S extends string = string> {
  /** The module's permission subjects (entity or record names). */
  subjects: readonly S[];
  /** API scopes the module opens to tokens (its public reads are listed under them). */
  scopes?: readonly string[];
  /** What is public, by API scope (the module's own scope or another's): everybody reads it. */
  publicReads?: { readonly [scope: string]: readonly { subject: S; conditions?: Record<string, unknown> }[] };
  /** Fields no rule ever opens, whoever asks. */
  secretFields?: { readonly [subject in S]?: readonly string[] };
  /**
   * Subjects kept in a region, found through `field`: an organization may do `organization` to those
   * inside its jurisdiction, an auditor `auditor` (reading only).
   */
  jurisdiction?: readonly { subjects: readonly S[]; field: RegionPathField; organization?: Action; auditor?: 'read' }[];
  /** What every organization and auditor may do, whatever their jurisdiction (tools, not records). */
  staff?: readonly { actions: readonly Action[]; subject: S }[];
  /** Platform-wide subjects: managed by the root organization only. */
  platform?: readonly S[];
  /** Any other grant, for any principal (runs after the public reads). */
  rules?(principal: Principal, can: (action: Action | readonly Action[], subject: S | readonly S[], conditions?: MongoQuery) => void): void;
  /** What nobody may do, whatever another rule says (they come last). */
  forbidden?: readonly { actions: readonly Action[]; subject: S }[];
}
