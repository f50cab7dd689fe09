import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { CreateVerdictSettingsInput } from './dto/appraisal.inputs';
import { VerdictSettings } from './verdict-settings.entity';
import { VerdictSettingsService } from './verdict-settings.service';

export const VerdictSettingsConnection = ConnectionType(VerdictSettings, 'VerdictSettings');

@Resolver(() => VerdictSettings)
export class VerdictSettingsResolver {
  constructor(private readonly service: VerdictSettingsService) {}

  @Query(() => VerdictSettings, { description: 'The verdict settings in force: how verdicts are reached, public' })
  @Public()
  verdictSettings(@Ctx() context: RequestContext) {
    return this.service.active(context);
  }

  @Query(() => VerdictSettingsConnection, {
    description: 'Every version of the verdict settings, the latest first: drafts, the one in force and those it replaced (public)',
  })
  @Public()
  verdictSettingsVersions(@Ctx() context: RequestContext, @Args() page: PageArgs) {
    return this.service.list(context, page);
  }

  @Mutation(() => VerdictSettings, { description: 'Writes a new version of the verdict settings as a draft (a version never changes)' })
  @Allow('create', 'VerdictSettings')
  createVerdictSettings(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateVerdictSettingsInput, { description: 'Every threshold and weight of the new version.' })
    input: CreateVerdictSettingsInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => VerdictSettings, { description: 'Puts a version of the verdict settings in force, in place of the one in force' })
  @Allow('update', 'VerdictSettings')
  activateVerdictSettings(
    @Ctx() context: RequestContext,
    @IdArg('VerdictSettings', 'id', { description: 'The version to put in force.' }) id: string,
  ) {
    return this.service.activate(context, id);
  }
}
