import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { withinSubtree } from '../../common/subtree';
import { containsPattern } from '../../common/text-search';
import type { PostFilter, PostOrder } from './dto/cadres.inputs';
import { Post } from './post.entity';

/** The query side of posts, on the entity manager it is given. */
export class PostRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: PostFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.search) {
      const pattern = containsPattern(filter.search);
      requested.$or = [{ title: { $ilike: pattern } }, { titleZh: { $ilike: pattern } }];
    }
    if (filter?.level) requested.level = filter.level;
    if (filter?.organizationId) requested.organization = filter.organizationId;
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of posts, by title unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: PostOrder | null | undefined): Promise<Connection<Post>> {
    const order = orderFor<PostOrder['field'], Post>(
      'posts',
      orderBy,
      { field: 'TITLE', direction: 'ASC' },
      {
        TITLE: (direction) => [sortKey('title', direction, 'string', (post) => post.title)],
        CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (post) => post.createdAt)],
      },
      byId,
    );
    return paginate(this.em, Post, where, page, order, ['region']);
  }

  findWithRegion(id: string): Promise<Post | null> {
    return this.em.findOne(Post, { id }, { populate: ['region'] });
  }

  /**
   * Takes the post's lock until the transaction ends: the guarded write of a new term. Two requests
   * giving one post a holder at once take turns, and the second sees the first one's term. An advisory
   * lock on the post's id, as the post's row cannot be locked FOR UPDATE by a role that may not update it.
   */
  async lock(id: string): Promise<void> {
    await sql(this.em, `select pg_advisory_xact_lock(hashtextextended('post:' || ?, 0))`, [id]);
  }
}
