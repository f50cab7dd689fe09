import { cadres, problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { readById } from '../../common/loaders';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { OrganizationRepository } from '../accounts/organization.repository';
import { RegionRepository } from '../regions/region.repository';
import type { CadresEvents } from './cadres.events';
import type { CreatePostInput, PostListArgs } from './dto/cadres.inputs';
import { Post } from './post.entity';
import { PostRepository } from './post.repository';

/** Posts: public to read, recorded by the organizations of the jurisdiction they serve. */
export class PostService {
  constructor(private readonly events: EventPublisher<CadresEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: PostListArgs): Promise<Connection<Post>> {
    const repository = new PostRepository(context.em);
    const requested = await repository.requestedFilter(filter);
    return repository.page(requested && scoped(context.ability, 'read', 'Post', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<Post> {
    return readById(context, Post, 'Post', id, ['region']);
  }

  /**
   * A post of the caller's jurisdiction, belonging to an organization of its region or one above it —
   * that organization inside the jurisdiction too: a county's organization records its county's and
   * townships' posts, not the city's.
   */
  async create(context: RequestContext, input: CreatePostInput): Promise<Post> {
    const [region, organization] = await Promise.all([
      new RegionRepository(context.em).findById(input.regionId),
      new OrganizationRepository(context.em).findWithRegion(input.organizationId),
    ]);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
    if (!organization) throw invalidInput({ organizationId: problemOf('NO_SUCH_ORGANIZATION') });
    authorize(context, 'create', 'Post', { region }, 'regionId');
    authorize(context, 'create', 'Post', { region: organization.region }, 'organizationId');
    const problems = cadres.postProblems({
      title: input.title,
      titleZh: input.titleZh,
      level: input.level,
      region,
      organization: { regionPath: organization.region.path },
    });
    if (Object.keys(problems).length > 0) throw new AppError('INVALID_POST', 'The post cannot be recorded as given', problems);
    return inTransaction(this.events, context, async (em) => {
      const post = em.create(Post, { title: input.title.trim(), titleZh: input.titleZh.trim(), level: input.level, region, organization });
      await em.flush();
      return {
        result: post,
        events: [
          {
            action: 'post.create',
            subjectType: 'Post',
            subjectId: post.id,
            regionPath: region.path,
            before: null,
            after: { title: post.title, titleZh: post.titleZh, level: post.level, regionId: region.id, organizationId: organization.id },
          },
        ],
      };
    });
  }
}
