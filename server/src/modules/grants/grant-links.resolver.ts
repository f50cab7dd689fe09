import { subject } from '@casl/ability';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/request-context';
import { Cadre } from '../cadres/cadre.entity';
import { Term } from '../cadres/term.entity';
import { Grant } from './grant.entity';

/** Whether the caller may read the grant (public under the GRANTS scope; an API token without it may not). */
const readable = (context: RequestContext, grant: Grant) => context.ability.can('read', subject('Grant', grant));

/** A cadre's grants beside their terms: who gave them which power, by what procedure (a cadre's page, one query). */
@Resolver(() => Cadre)
export class CadreGrantsResolver {
  @FieldResolver(() => [Grant], {
    description: 'The power grants recorded for the cadre, the latest first: the granting body, the procedure and its participation',
  })
  async grants(@Root() cadre: Cadre, @Ctx() context: RequestContext): Promise<Grant[]> {
    return (await context.loaders.grantsByCadre.load(cadre.id)).filter((grant) => readable(context, grant));
  }
}

/** The grant a term came from: the power giver of the power the term exercises. */
@Resolver(() => Term)
export class TermGrantResolver {
  @FieldResolver(() => Grant, {
    nullable: true,
    description: 'The power grant that created the term; null for a term recorded directly (before grants), or one you may not read',
  })
  async grant(@Root() term: Term, @Ctx() context: RequestContext): Promise<Grant | null> {
    if (!term.grantId) return null;
    const grant = await context.loaders.grantsById.load(term.grantId);
    return grant && readable(context, grant) ? grant : null;
  }
}
