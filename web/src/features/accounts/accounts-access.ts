import type { AppAbility } from '@massline/shared';

/**
 * May the caller list users beyond themselves?
 *
 * Everybody signed in may `read` their own User (a rule conditioned on `{ id: self }`), so
 * `can('read', 'User')` is true for a citizen too. The users list is for those with a read rule
 * that is not tied to one id: an unconditioned rule, or one scoped by region (organizations,
 * auditors). Decided from the rules, never from role names.
 */
export function canListUsers(ability: AppAbility): boolean {
  return ability.rulesFor('read', 'User').some((rule) => !rule.inverted && (!rule.conditions || !('id' in rule.conditions)));
}
