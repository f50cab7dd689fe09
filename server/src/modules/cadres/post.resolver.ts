import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Organization } from '../accounts/organization.entity';
import { Region } from '../regions/region.entity';
import { CreatePostInput, PostListArgs } from './dto/cadres.inputs';
import { Post } from './post.entity';
import { PostService } from './post.service';
import { Term } from './term.entity';

export const PostConnection = ConnectionType(Post, 'Post');

@Resolver(() => Post)
export class PostResolver {
  constructor(private readonly service: PostService) {}

  @Query(() => PostConnection, { description: 'Posts, public, with who holds each today' })
  @Public()
  posts(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: PostListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Post, {
    nullable: true,
    description: 'One post by id, public. Null, with an error at its path, if there is none: the rest of the response stands.',
  })
  @Public()
  post(@Ctx() context: RequestContext, @IdArg('Post', 'id', { description: 'The post.' }) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => Post, { description: 'Records a post of an organization, serving a region of your jurisdiction' })
  @Allow('create', 'Post')
  createPost(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreatePostInput, { description: 'The titles, level, region and organization.' }) input: CreatePostInput,
  ) {
    return this.service.create(context, input);
  }

  @FieldResolver(() => Region, { description: 'The region the post serves' })
  region(@Root() post: Post, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, post.region);
  }

  @FieldResolver(() => Organization, { description: 'The organization the post belongs to' })
  organization(@Root() post: Post, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.organizations, post.organization);
  }

  @FieldResolver(() => Term, { nullable: true, description: 'The term holding the post today; null when it is vacant' })
  holder(@Root() post: Post, @Ctx() context: RequestContext) {
    return context.loaders.holdersByPost.load(post.id);
  }
}
