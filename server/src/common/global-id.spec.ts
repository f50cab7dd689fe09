import { describe, expect, it } from 'vitest';
import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
} from 'graphql';
import { decodeGlobalIds, toGlobalId } from './global-id';

const CAMPAIGN = '3f1c2b9e-1111-4222-8333-444455556666';
const TERM = '3f1c2b9e-1111-4222-8333-444455556667';

const Answer = new GraphQLInputObjectType({
  name: 'Answer',
  fields: { criterion: { type: new GraphQLNonNull(GraphQLString) }, step: { type: GraphQLString } },
});
const Pick = new GraphQLInputObjectType({ name: 'Pick', fields: { termId: { type: GraphQLID, extensions: { globalIdOf: 'Term' } } } });
/** A filter that contains itself (and/or), with an id at every level. */
const Filter: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'Filter',
  fields: (): GraphQLInputFieldConfigMap => ({
    campaignId: { type: GraphQLID, extensions: { globalIdOf: 'Campaign' } },
    and: { type: new GraphQLList(new GraphQLNonNull(Filter)) },
  }),
});
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: {
    campaignId: { type: new GraphQLNonNull(GraphQLID), extensions: { globalIdOf: 'Campaign' } },
    termIds: { type: new GraphQLList(GraphQLID), extensions: { globalIdOf: 'Term' } },
    answers: { type: new GraphQLList(new GraphQLNonNull(Answer)) },
    picks: { type: new GraphQLList(Pick) },
    filter: { type: Filter },
  },
});
const Mutation = new GraphQLObjectType({
  name: 'Mutation',
  fields: { run: { type: GraphQLString, args: { input: { type: new GraphQLNonNull(Input) } } } },
});

async function decoded(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const args: Record<string, unknown> = { input };
  await decodeGlobalIds({ args, info: { parentType: Mutation, fieldName: 'run' } } as never, () => Promise.resolve());
  return args.input as Record<string, unknown>;
}

describe('decodeGlobalIds', () => {
  it('decodes the ids of an input at every depth, in lists and in a type that contains itself, and leaves the rest as given', async () => {
    const answers = [{ criterion: 'HOUSING', step: 'SATISFIED' }];
    const input = await decoded({
      campaignId: toGlobalId('Campaign', CAMPAIGN),
      termIds: [toGlobalId('Term', TERM), TERM],
      answers,
      picks: [{ termId: toGlobalId('Term', TERM) }, null],
      filter: { and: [{ campaignId: toGlobalId('Campaign', CAMPAIGN), and: [{ campaignId: CAMPAIGN.toUpperCase() }] }] },
    });
    expect(input).toEqual({
      campaignId: CAMPAIGN,
      termIds: [TERM, TERM],
      answers: [{ criterion: 'HOUSING', step: 'SATISFIED' }],
      picks: [{ termId: TERM }, null],
      filter: { and: [{ campaignId: CAMPAIGN, and: [{ campaignId: CAMPAIGN }] }] },
    });
    // A list of objects without ids is not walked, nor copied.
    expect(input.answers).toBe(answers);
  });

  it('refuses an id of another type, naming the field, however deep', async () => {
    await expect(decoded({ campaignId: toGlobalId('Term', TERM) })).rejects.toMatchObject({
      extensions: { reason: 'INVALID_ID', fields: { campaignId: 'Not a Campaign id' } },
    });
    await expect(decoded({ campaignId: CAMPAIGN, filter: { and: [{ campaignId: 'nonsense!' }] } })).rejects.toMatchObject({
      extensions: { reason: 'INVALID_ID', fields: { campaignId: 'Not a valid id' } },
    });
  });
});
