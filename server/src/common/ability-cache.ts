import { abilityFor, type AppAbility, type Principal } from '@massline/shared';

/** How many principals' abilities are kept: the busy ones of the last while (a signed-in person's requests come in runs). */
const DEFAULT_SIZE = 2_000;

/**
 * Abilities, built once per principal and kept (least recently used out). Building one folds every
 * module's rules and compiles CASL's index, which costs more than a small request's own work; the rules
 * depend on the principal's facts and nothing else (`abilityFor` is pure), and the key is every one of
 * those facts (id included: some rules name the person), so a principal whose facts change — another
 * role, region, organization or status — gets a new ability at once. CASL's ability is only read after
 * it is built (nobody calls `update`), so requests may share one.
 */
export class AbilityCache {
  private readonly abilities = new Map<string, AppAbility>();

  constructor(private readonly size = DEFAULT_SIZE) {}

  of(principal: Principal): AppAbility {
    const key = keyOf(principal);
    const known = this.abilities.get(key);
    if (known) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to let go.
      this.abilities.delete(key);
      this.abilities.set(key, known);
      return known;
    }
    const ability = abilityFor(principal);
    if (this.abilities.size >= this.size) this.abilities.delete(this.abilities.keys().next().value!);
    this.abilities.set(key, ability);
    return ability;
  }
}

/** Every fact of a principal, in a fixed order (whatever order its object was built in). */
function keyOf(principal: Principal): string {
  switch (principal.kind) {
    case 'ANONYMOUS':
      return 'ANONYMOUS';
    case 'API_TOKEN':
      return JSON.stringify([principal.kind, principal.id, principal.role, principal.scopes]);
    case 'USER':
      return JSON.stringify([
        principal.kind,
        principal.id,
        principal.role,
        principal.regionId,
        principal.regionPath,
        principal.organizationId,
        principal.citizenStatus,
      ]);
  }
}
