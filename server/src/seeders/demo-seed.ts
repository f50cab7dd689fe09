import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { regionPath } from '@massline/shared';
import { ApiToken } from '../modules/accounts/api-token.entity';
import { Organization } from '../modules/accounts/organization.entity';
import { hashPassword, sha256 } from '../modules/accounts/password';
import { User } from '../modules/accounts/user.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { RegionStatistics } from '../modules/regions/region-statistics.entity';
import { Region } from '../modules/regions/region.entity';
import { DEMO_ACCOUNTS, DEMO_API_TOKEN, DEMO_PASSWORD } from './demo-accounts';
import { seedDemoHarmony } from './demo-harmony';
import { demoRegions, demoStatistics } from './demo-province';

const ORGANIZATION_NAME: Record<string, (name: string, nameEn: string) => string> = {
  PROVINCE: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
  CITY: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
  COUNTY: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
  TOWNSHIP: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
};

/** Is there anything in the database yet? The demo is seeded only into an empty one. */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Region, {})) === 0;
}

/** Seeds the demo province, its organizations, the README's accounts and a third party's token. */
export async function seedDemo(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tem) => {
    const regions = new Map<string, Region>();
    const organizations = new Map<string, Organization>();
    for (const r of demoRegions()) {
      const parent = r.parentCode ? regions.get(r.parentCode)! : null;
      const region = tem.create(Region, {
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        level: r.level,
        parent,
        path: regionPath(parent?.path ?? null, r.code),
      });
      regions.set(r.code, region);
      organizations.set(r.code, tem.create(Organization, { name: ORGANIZATION_NAME[r.level](r.name, r.nameEn), region }));
    }
    for (const s of demoStatistics(demoRegions())) {
      tem.create(RegionStatistics, { region: regions.get(s.code)!, period: s.period, population: s.population, households: s.households });
    }
    const users = DEMO_ACCOUNTS.map((account) =>
      tem.create(User, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
        region: regions.get(account.regionCode)!,
        organization: account.role === 'ORGANIZATION' ? organizations.get(account.regionCode)! : null,
        citizenStatus: account.role === 'CITIZEN' ? (account.citizenStatus ?? 'VERIFIED') : null,
      }),
    );
    const root = regions.get('88')!;
    tem.create(ApiToken, {
      name: 'Demo open-data portal',
      prefix: DEMO_API_TOKEN.split('_')[1],
      secretHash: sha256(DEMO_API_TOKEN),
      scopes: ['REGIONS', 'HARMONY'],
      region: root,
      createdBy: users[0],
    });
    await tem.flush();
    await tem.insert(AuditEntry, {
      id: randomUUID(),
      actorKind: 'SYSTEM',
      actorLabel: 'demo seed',
      action: 'demo.seed',
      subjectType: 'Region',
      subjectId: root.id,
      regionPath: root.path,
      after: { regions: regions.size, organizations: organizations.size, users: users.length },
    });
    await seedDemoHarmony(tem);
  });
}
