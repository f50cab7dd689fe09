import { randomBytes } from 'node:crypto';
import type { ApiClient } from './api-client';

/**
 * Cadres, posts and terms made through the API by an organization, for the tests of the cadres module
 * and of what builds on it (the permission matrix, evaluation). Each call makes new records with names
 * of their own, so tests do not trip over each other's holders.
 */
export class CadresFixtures {
  private readonly organizations = new Map<string, string>();

  constructor(private readonly organization: ApiClient) {}

  /** The id of the organization of a region (by region id): the one of its posts. */
  async organizationOf(regionId: string): Promise<string> {
    const known = this.organizations.get(regionId);
    if (known) return known;
    const { region } = await this.organization.ok<{ region: { code: string } }>('query ($id: ID!) { region(id: $id) { code } }', {
      id: regionId,
    });
    const { organizations } = await this.organization.ok<{
      organizations: { edges: { node: { id: string; region: { code: string } } }[] };
    }>('query ($r: ID!) { organizations(first: 100, filter: { regionId: $r }) { edges { node { id region { code } } } } }', {
      r: regionId,
    });
    const own = organizations.edges.find((edge) => edge.node.region.code === region.code);
    if (!own) throw new Error(`No organization of region ${region.code}`);
    this.organizations.set(regionId, own.node.id);
    return own.node.id;
  }

  async cadre(regionId: string, name = `干部${randomBytes(3).toString('hex')}`): Promise<string> {
    const { createCadre } = await this.organization.ok<{ createCadre: { id: string } }>(
      'mutation ($input: CreateCadreInput!) { createCadre(input: $input) { id } }',
      { input: { name, regionId } },
    );
    return createCadre.id;
  }

  async post(regionId: string, level = 'COUNTY', title = `Post ${randomBytes(3).toString('hex')}`): Promise<string> {
    const { createPost } = await this.organization.ok<{ createPost: { id: string } }>(
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
      { input: { title, titleZh: `职位${title.slice(5)}`, level, regionId, organizationId: await this.organizationOf(regionId) } },
    );
    return createPost.id;
  }

  async term(cadreId: string, postId: string, startsOn: string, endsOn: string): Promise<string> {
    const { createTerm } = await this.organization.ok<{ createTerm: { id: string } }>(
      'mutation ($input: CreateTermInput!) { createTerm(input: $input) { id } }',
      { input: { cadreId, postId, startsOn, endsOn } },
    );
    return createTerm.id;
  }

  /** A new cadre in a new post of the region, from `startsOn` to `endsOn`: the term's id. */
  async heldTerm(regionId: string, startsOn = '2024-01-01', endsOn = '2029-01-01', level = 'COUNTY'): Promise<string> {
    const [cadre, post] = await Promise.all([this.cadre(regionId), this.post(regionId, level)]);
    return this.term(cadre, post, startsOn, endsOn);
  }
}
