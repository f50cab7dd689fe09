import { sql } from '../../../server/src/common/sql';
import { CadresFixtures } from '../../support/cadres-fixtures';
import { uuidOf } from '../../support/global-id';
import { jurisdictionList, type Fixtures, type MatrixRows } from './matrix';

/**
 * An open review alert about a new term of Dongshan, addressed to Dongshan's organization (orgIn's),
 * written straight as the owner: the platform raises alerts itself, no operation does.
 */
async function openAlertOfDongshan(f: Fixtures): Promise<string> {
  const cadres = new CadresFixtures(f.orgIn);
  const [termId, organizationId] = await Promise.all([cadres.heldTerm(f.dongshanId), cadres.organizationOf(f.dongshanId)]);
  const [row] = await sql<{ id: string }>(
    f.server.ownerOrm.em.fork(),
    `insert into review_alert (id, term_id, region_id, organization_id, addressee, settings_version, score, low, high, grade, flags)
     select gen_random_uuid(), t.id, p.region_id, ?, 'POST_ORGANIZATION', 1, 40, 35, 45, 'INCOMPETENT', '[]'::jsonb
       from term t join post p on p.id = t.post_id where t.id = ?
     returning id`,
    [uuidOf(organizationId), uuidOf(termId)],
  );
  return row.id;
}

/**
 * Review alerts: the organization addressed reads and resolves its own (no other organization, not even
 * the province above it, may resolve it); auditors read those of their jurisdiction; not public.
 */
export const REVIEWS_MATRIX: MatrixRows = {
  'Query.reviewAlerts': { document: '{ reviewAlerts(first: 5) { totalCount } }', expect: jurisdictionList },
  'Mutation.resolveReviewAlert': {
    document: 'mutation ($id: ID!) { resolveReviewAlert(id: $id, note: "Reviewed by the committee") { status } }',
    variables: async (f) => ({ id: await openAlertOfDongshan(f) }),
    expect: {
      orgRoot: 'FORBIDDEN',
      orgIn: 'ALLOW',
      orgOut: 'FORBIDDEN',
      auditor: 'FORBIDDEN',
      citizen: 'FORBIDDEN',
      token: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
};
