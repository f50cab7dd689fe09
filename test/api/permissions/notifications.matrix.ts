import { ACTOR_EMAILS } from '../../support/test-server';
import type { MatrixActor, MatrixRows, Outcome } from './matrix';

/**
 * Notifications are a person's own: every signed-in person reads and marks theirs (an empty list is
 * still an answer); an API token has none; the anonymous are asked to sign in. That nobody reaches
 * another's is notifications.spec.ts's.
 */
const people: Record<MatrixActor, Outcome> = {
  orgRoot: 'ALLOW',
  orgIn: 'ALLOW',
  orgOut: 'ALLOW',
  auditor: 'ALLOW',
  citizen: 'ALLOW',
  token: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};

export const NOTIFICATIONS_MATRIX: MatrixRows = {
  'Query.notifications': { document: '{ notifications(first: 5) { totalCount edges { node { kind read } } } }', expect: people },
  'Query.unreadNotificationCount': { document: '{ unreadNotificationCount }', expect: people },
  'Mutation.markNotificationsRead': {
    document: 'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }',
    variables: async (f, actor) => {
      // A notification of the actor's own (the token and the anonymous have none: a citizen's will do).
      const email = actor === 'token' || actor === 'anonymous' ? ACTOR_EMAILS.citizen : ACTOR_EMAILS[actor];
      const [row] = await f.server.ownerOrm.em
        .fork()
        .getConnection()
        .execute<{ id: string }[]>(
          `insert into notification (id, user_id, kind, params)
           select gen_random_uuid(), id, 'CAMPAIGN_OPENED', '{"title":"Autumn review"}' from app_user where email = ? returning id`,
          [email],
        );
      return { ids: [row.id] };
    },
    expect: people,
  },
  'Mutation.markAllNotificationsRead': { document: 'mutation { markAllNotificationsRead }', expect: people },
};
