import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ACCOUNTS, DEMO_API_TOKEN, DEMO_PASSWORD } from '../../seeders/demo-accounts';
import { demoRegions } from '../../seeders/demo-province';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Region } from '../regions/region.entity';
import { ApiToken } from './api-token.entity';
import { Organization } from './organization.entity';
import { hashPassword, sha256 } from './password';
import { User } from './user.entity';

const ORGANIZATION_NAME: Record<string, (name: string, nameEn: string) => string> = {
  PROVINCE: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
  CITY: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
  COUNTY: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
  TOWNSHIP: (name, en) => `中共${name}委员会 CPC ${en} Committee`,
};

/**
 * An organization for every region of the demo province, the README's accounts and a third party's
 * token, then one audit entry that says what the demo seed made (regions, organizations, users).
 */
export async function seedDemoAccounts(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const regions = new Map((await em.find(Region, {})).map((region) => [region.code, region]));
  const organizations = new Map<string, Organization>();
  for (const r of demoRegions()) {
    const region = regions.get(r.code)!;
    organizations.set(r.code, em.create(Organization, { name: ORGANIZATION_NAME[r.level](r.name, r.nameEn), region }));
  }
  const users = DEMO_ACCOUNTS.map((account) =>
    em.create(User, {
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
  em.create(ApiToken, {
    name: 'Demo open-data portal',
    prefix: DEMO_API_TOKEN.split('_')[1],
    secretHash: sha256(DEMO_API_TOKEN),
    scopes: ['REGIONS', 'HARMONY', 'CADRES', 'EVALUATION', 'GRANTS'],
    region: root,
    createdBy: users[0],
  });
  await em.flush();
  await em.insert(AuditEntry, {
    id: randomUUID(),
    actorKind: 'SYSTEM',
    actorLabel: 'demo seed',
    action: 'demo.seed',
    subjectType: 'Region',
    subjectId: root.id,
    regionPath: root.path,
    after: { regions: regions.size, organizations: organizations.size, users: users.length },
  });
}
