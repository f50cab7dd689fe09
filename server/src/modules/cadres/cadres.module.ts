import { defineModule, resolver } from '../../app/module-manifest';
import { Cadre } from './cadre.entity';
import { CadreResolver } from './cadre.resolver';
import { CadreService } from './cadre.service';
import { seedDemoCadres } from './cadres.demo-seed';
import { cadresLoaders } from './cadres.loaders';
import { Migration20261129180000Cadres } from './migrations/Migration20261129180000Cadres';
import { Post } from './post.entity';
import { PostResolver } from './post.resolver';
import { PostService } from './post.service';
import { Term } from './term.entity';
import { TermResolver } from './term.resolver';
import { TermService } from './term.service';

export type { TermForCampaign } from './term.repository';

/** The cadres module's services; evaluation reads terms through `terms.readForCampaign`. */
export interface CadreServices {
  cadres: CadreService;
  posts: PostService;
  terms: TermService;
}

/**
 * Cadres, posts and terms: who holds which post, shared by mass evaluation (mechanism 2) and power
 * grants (mechanism 3, which will create the terms).
 */
export const cadresModule = defineModule({
  name: 'cadres',
  dependsOn: ['regions', 'accounts'],
  entities: [Cadre, Post, Term],
  createServices: ({ events }): CadreServices => ({
    cadres: new CadreService(events),
    posts: new PostService(events),
    terms: new TermService(events),
  }),
  resolvers: [
    resolver(CadreResolver, (s: CadreServices) => new CadreResolver(s.cadres)),
    resolver(PostResolver, (s: CadreServices) => new PostResolver(s.posts)),
    resolver(TermResolver, (s: CadreServices) => new TermResolver(s.terms)),
  ],
  nodes: (s: CadreServices) => ({
    Cadre: (context, id) => s.cadres.get(context, id),
    Post: (context, id) => s.posts.get(context, id),
    Term: (context, id) => s.terms.get(context, id),
  }),
  loaders: cadresLoaders,
  migrations: [{ name: 'Migration20261129180000Cadres', class: Migration20261129180000Cadres }],
  // Cadres and posts are never rewritten (a correction will be a new record); a term only ever ends.
  appendOnlyTables: ['cadre', 'post'],
  guardedColumns: { term: ['ended_on', 'end_reason'] },
  seedDemo: seedDemoCadres,
});
