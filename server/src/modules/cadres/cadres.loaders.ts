import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../common/loaders';
import { Cadre } from './cadre.entity';
import { Post } from './post.entity';
import { Term } from './term.entity';
import { TermRepository, today } from './term.repository';

declare module '../../common/loaders' {
  interface Loaders {
    cadres: DataLoader<string, Cadre | null>;
    posts: DataLoader<string, Post | null>;
    terms: DataLoader<string, Term | null>;
    /** The term holding each post today (null: vacant), one statement for every post asked while resolving one level. */
    holdersByPost: DataLoader<string, Term | null>;
    /** Every term of each cadre, the latest start first. */
    termsByCadre: DataLoader<string, Term[]>;
  }
}

/** The cadres module's loaders of one request: evaluation's `Term.cadre` and `Term.post` use them too. */
export function cadresLoaders(em: EntityManager) {
  const terms = new TermRepository(em);
  return {
    cadres: byIdLoader(em, Cadre),
    posts: byIdLoader(em, Post),
    terms: byIdLoader(em, Term),
    holdersByPost: new DataLoader<string, Term | null>(async (postIds) => {
      const held = new Map((await terms.heldOn(postIds, today())).map((term) => [term.post.id, term]));
      return postIds.map((id) => held.get(id) ?? null);
    }),
    termsByCadre: new DataLoader<string, Term[]>(async (cadreIds) => {
      const rows = await terms.ofCadres(cadreIds);
      return cadreIds.map((id) => rows.filter((term) => term.cadre.id === id));
    }),
  };
}
