import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from '@massline/shared';
import { prefixOfSubtreePattern } from '@massline/shared';

/**
 * Translates the CASL rules of (action, subject) into a MikroORM filter, so that a list query carries
 * the caller's permissions in its WHERE clause. Returns null when no rule allows anything: the caller
 * then answers an empty page without asking the database.
 *
 * The rules use a small dialect (see shared/src/permissions/rules.ts): equality, $in/$nin/$ne, ranges,
 * and $regex limited to anchored literal prefixes, which become `LIKE 'prefix%'` (index-friendly with
 * text_pattern_ops). Dotted fields (`region.path`) become nested filters, which MikroORM joins. Anything
 * else is refused loudly rather than silently ignored.
 */
export type Filter = Record<string, unknown>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function translateValue(field: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
    switch (op) {
      case '$eq':
      case '$ne':
      case '$in':
      case '$nin':
      case '$lt':
      case '$lte':
      case '$gt':
      case '$gte':
        out[op] = operand;
        break;
      case '$regex': {
        const prefix = typeof operand === 'string' ? prefixOfSubtreePattern(operand) : null;
        if (prefix === null) throw new Error(`Permission rule on ${field}: only anchored literal prefixes can be translated to SQL`);
        out.$like = `${escapeLike(prefix)}%`;
        break;
      }
      default:
        throw new Error(`Permission rule on ${field}: operator ${op} cannot be translated to SQL`);
    }
  }
  return out;
}

/** Mongo-style conditions → MikroORM filter. */
export function conditionsToFilter(conditions: Record<string, unknown>): Filter {
  const filter: Filter = {};
  for (const [key, value] of Object.entries(conditions)) {
    if (key === '$and' || key === '$or') {
      filter[key] = (value as Record<string, unknown>[]).map(conditionsToFilter);
      continue;
    }
    if (key.startsWith('$')) throw new Error(`Permission rule: operator ${key} cannot be translated to SQL`);
    const parts = key.split('.');
    let target = filter;
    for (const part of parts.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Filter;
    }
    target[parts[parts.length - 1]] = translateValue(key, value);
  }
  return filter;
}

export function abilityFilter(ability: AppAbility, action: Action, subject: SubjectName): Filter | null {
  return rulesToCondition(
    ability.rulesFor(action, subject),
    (rule): Filter => {
      const filter = conditionsToFilter((rule.conditions ?? {}) as Record<string, unknown>);
      return rule.inverted ? { $not: filter } : filter;
    },
    {
      and: (filters) => (filters.length === 1 ? filters[0] : { $and: filters }),
      or: (filters) => (filters.length === 1 ? filters[0] : { $or: filters }),
      empty: () => ({}),
    },
  );
}

/** A list's filter: what the user asked for AND what they may see. */
export function scoped(ability: AppAbility, action: Action, subject: SubjectName, requested: Filter): Filter | null {
  const allowed = abilityFilter(ability, action, subject);
  if (allowed === null) return null;
  if (Object.keys(allowed).length === 0) return requested;
  if (Object.keys(requested).length === 0) return allowed;
  return { $and: [allowed, requested] };
}
