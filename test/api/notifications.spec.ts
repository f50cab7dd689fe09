import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient } from '../support/api-client';
import { globalId, uuidOf } from '../support/global-id';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const DONGSHAN = '/88/8801/880101/';

/**
 * The notification centre: who a region's notification reaches (one INSERT … SELECT, whatever their
 * number), the bell's count, the list, marking read — and that nobody reaches another person's
 * notification, by any id.
 */
describe('notifications', () => {
  let server: TestServer;
  const service = () => server.app.services.notifications.notifications;
  /** The statements that write notifications, as the server's driver sends them. */
  const inserts: string[] = [];

  const notifyResidents = (regionPath: string, exceptUserIds: string[] = []) =>
    server.orm.em.fork().transactional((em) =>
      service().notifyVerifiedResidents(em, {
        regionPath,
        kind: 'CAMPAIGN_OPENED',
        params: { title: 'Autumn review of Dongshan', titleZh: '东山县秋季评议', closesAt: '2026-12-15T12:00:00.000Z' },
        subjectId: '6f1c1c5e-0000-4000-8000-000000000001',
        exceptUserIds,
      }),
    );
  const notifiedUsers = async (subjectId = '6f1c1c5e-0000-4000-8000-000000000001') =>
    (
      await server.ownerOrm.em
        .fork()
        .getConnection()
        .execute<{ user_id: string }[]>('select user_id from notification where subject_id = ?', [subjectId])
    ).map((row) => row.user_id);
  const signIn = (email: string): Promise<ApiClient> => server.client().signIn(email, DEMO_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    server.orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => {
        if (/insert\s+into\s+"?notification/i.test(query.sql)) inserts.push(query.sql);
      });
  });
  afterAll(() => server?.close());

  it('reaches exactly the active, verified citizens resident in the subtree, in one INSERT statement', async () => {
    const make = (email: string, regionCode: string, citizenStatus: 'VERIFIED' | 'UNVERIFIED' | 'REJECTED' = 'VERIFIED') =>
      server.createUser({ email, role: 'CITIZEN', regionCode, citizenStatus });
    const township = await make('resident-township@massline.test', '880101001');
    const otherTownship = await make('resident-hekou@massline.test', '880101002');
    const county = await make('resident-county@massline.test', '880101');
    const unverified = await make('unverified@massline.test', '880101001', 'UNVERIFIED');
    const rejected = await make('rejected@massline.test', '880101001', 'REJECTED');
    const deactivated = await make('deactivated@massline.test', '880101001');
    await server.ownerOrm.em.fork().getConnection().execute('update app_user set active = false where id = ?', [deactivated]);
    const xihe = await make('xihe-resident@massline.test', '880102001');
    const staff = await server.createUser({ email: 'township-staff@massline.test', role: 'ORGANIZATION', regionCode: '880101001' });
    const auditor = await server.createUser({ email: 'county-auditor@massline.test', role: 'AUDITOR', regionCode: '880101' });

    inserts.length = 0;
    const count = await notifyResidents(DONGSHAN);
    expect(inserts).toHaveLength(1);

    // Everyone the database holds, sorted by hand: the verified, active citizens of Dongshan and under it.
    const everyone = await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute<{ id: string; role: string; citizen_status: string | null; active: boolean; path: string }[]>(
        'select u.id, u.role, u.citizen_status, u.active, r.path from app_user u join region r on r.id = u.region_id',
      );
    const expected = everyone
      .filter((u) => u.role === 'CITIZEN' && u.citizen_status === 'VERIFIED' && u.active && u.path.startsWith(DONGSHAN))
      .map((u) => u.id)
      .sort();
    const notified = (await notifiedUsers()).sort();
    expect(notified).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(notified).toEqual(expect.arrayContaining([township, otherTownship, county]));
    for (const left of [unverified, rejected, deactivated, xihe, staff, auditor]) expect(notified).not.toContain(left);
  });

  it('stays one statement for the whole province, and leaves out those it is told to', async () => {
    const voter = await server.createUser({ email: 'voted-already@massline.test', role: 'CITIZEN', regionCode: '880201001' });
    for (let i = 0; i < 30; i++) {
      await server.createUser({ email: `province-${i}@massline.test`, role: 'CITIZEN', regionCode: i % 2 ? '880301001' : '880401002' });
    }
    await server.ownerOrm.em.fork().getConnection().execute('delete from notification');
    inserts.length = 0;
    const count = await notifyResidents('/88/', [voter]);
    expect(inserts).toHaveLength(1);
    const notified = await notifiedUsers();
    expect(count).toBe(notified.length);
    expect(count).toBeGreaterThan(30);
    expect(notified).not.toContain(voter);
  });

  it('notifies named users (the active ones) in one statement', async () => {
    const one = await server.createUser({ email: 'named-1@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    const two = await server.createUser({ email: 'named-2@massline.test', role: 'AUDITOR', regionCode: '880101' });
    inserts.length = 0;
    const subjectId = '6f1c1c5e-0000-4000-8000-000000000002';
    const count = await server.orm.em
      .fork()
      .transactional((em) => service().notifyUsers(em, [one, two, one], { kind: 'NOTICE_OPENED', params: {}, subjectId }));
    expect(count).toBe(2);
    expect(inserts).toHaveLength(1);
    expect((await notifiedUsers(subjectId)).sort()).toEqual([one, two].sort());
  });

  it('shows a person their own notifications, newest first, with the count of the unread, and marks them read', async () => {
    await server.createUser({ email: 'reader@massline.test', role: 'CITIZEN', regionCode: '880101003' });
    await server.ownerOrm.em.fork().getConnection().execute('delete from notification');
    await notifyResidents('/88/8801/880101/880101003/');
    await server.orm.em.fork().transactional((em) =>
      service().notifyVerifiedResidents(em, {
        regionPath: '/88/8801/880101/880101003/',
        kind: 'CAMPAIGN_CLOSING',
        params: { title: 'Autumn review of Dongshan', titleZh: '东山县秋季评议', closesAt: '2026-12-15T12:00:00.000Z' },
        subjectId: '6f1c1c5e-0000-4000-8000-000000000001',
      }),
    );
    const reader = await signIn('reader@massline.test');
    expect((await reader.ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount).toBe(2);
    type Page = {
      notifications: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            kind: string;
            read: boolean;
            readAt: string | null;
            subjectId: string;
            title: string;
            titleZh: string;
            closesAt: string;
          };
        }[];
      };
    };
    const list = `query ($unread: Boolean) { notifications(first: 10, unreadOnly: $unread) { totalCount
      edges { node { id kind read readAt subjectId title titleZh closesAt } } } }`;
    const { notifications } = await reader.ok<Page>(list);
    expect(notifications.edges.map((edge) => edge.node.kind)).toEqual(['CAMPAIGN_CLOSING', 'CAMPAIGN_OPENED']);
    expect(notifications.edges[0].node).toMatchObject({
      read: false,
      readAt: null,
      subjectId: globalId('Campaign', '6f1c1c5e-0000-4000-8000-000000000001'),
      title: 'Autumn review of Dongshan',
      titleZh: '东山县秋季评议',
      closesAt: '2026-12-15T12:00:00.000Z',
    });

    const [closing, opened] = notifications.edges.map((edge) => edge.node.id);
    const { markNotificationsRead } = await reader.ok<{ markNotificationsRead: { id: string; read: boolean }[] }>(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read } }',
      { ids: [closing] },
    );
    expect(markNotificationsRead).toEqual([{ id: closing, read: true }]);
    expect((await reader.ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount).toBe(1);
    expect((await reader.ok<Page>(list, { unread: true })).notifications.edges.map((edge) => edge.node.id)).toEqual([opened]);
    // Marking one read again changes nothing and is no error.
    expect(
      (
        await reader.ok<{ markNotificationsRead: { read: boolean }[] }>(
          'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { read } }',
          { ids: [closing] },
        )
      ).markNotificationsRead,
    ).toEqual([{ read: true }]);
    expect((await reader.ok<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }')).markAllNotificationsRead).toBe(
      1,
    );
    expect((await reader.ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount).toBe(0);
    expect((await reader.ok<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }')).markAllNotificationsRead).toBe(
      0,
    );
  });

  it("never gives or changes another person's notification: NOT_FOUND, as for one that does not exist", async () => {
    await server.createUser({ email: 'owner@massline.test', role: 'CITIZEN', regionCode: '880101004' });
    await notifyResidents('/88/8801/880101/880101004/');
    const owner = await signIn('owner@massline.test');
    const { notifications } = await owner.ok<{ notifications: { edges: { node: { id: string } }[] } }>(
      '{ notifications(first: 1) { edges { node { id } } } }',
    );
    const theirs = notifications.edges[0].node.id;
    const other = await signIn('citizen@massline.demo');
    const organization = await server.as('orgRoot');

    for (const intruder of [other, organization]) {
      const node = await intruder.request('query ($id: ID!) { node(id: $id) { id ... on Notification { title } } }', { id: theirs });
      expect(errorCode(node)).toBe('NOT_FOUND');
      expect(node.data).toEqual({ node: null });
      const mark = await intruder.request('mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: [theirs] });
      expect(errorCode(mark)).toBe('NOT_FOUND');
      expect(mark.errors[0].extensions?.reason).toBe('NOT_FOUND');
      const listed = await intruder.ok<{ notifications: { edges: { node: { id: string } }[] } }>(
        '{ notifications(first: 100) { edges { node { id } } } }',
      );
      expect(listed.notifications.edges.map((edge) => edge.node.id)).not.toContain(theirs);
    }
    // The owner's own with an id that names nothing of theirs: refused as a whole, their own stays unread.
    const mixed = await owner.request('mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', {
      ids: [theirs, globalId('Notification', '6f1c1c5e-0000-4000-8000-0000000000ff')],
    });
    expect(errorCode(mixed)).toBe('NOT_FOUND');
    const [row] = await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute<{ read_at: Date | null }[]>('select read_at from notification where id = ?', [uuidOf(theirs)]);
    expect(row.read_at).toBeNull();
    // The owner reaches it by node(id:).
    const mine = await owner.ok<{ node: { id: string; title: string } }>(
      'query ($id: ID!) { node(id: $id) { id ... on Notification { title } } }',
      {
        id: theirs,
      },
    );
    expect(mine.node).toEqual({ id: theirs, title: 'Autumn review of Dongshan' });
    // An API token has no notifications at all.
    const token = await server.as('token');
    expect(errorCode(await token.request('{ unreadNotificationCount }'))).toBe('FORBIDDEN');
  });
});
