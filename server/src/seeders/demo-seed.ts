import type { EntityManager } from '@mikro-orm/postgresql';
import { derivedBallotSecret } from '../app/config';
import type { DemoSeedContext } from '../app/module-manifest';
import { MODULES } from '../app/modules';
import { Region } from '../modules/regions/regions.module';

/** Is there anything in the database yet? The demo is seeded only into an empty one. */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Region, {})) === 0;
}

/**
 * Seeds the demo: every module's step (its manifest's `seedDemo`), in MODULES order, in one transaction —
 * the demo province, its organizations, the README's accounts and a third party's token, the harmony index,
 * cadres, evaluation campaigns with their ballots, inspections and audits. The ballot secret is the
 * server's (`resolveBallotSecret`); left out, it is the development one derived from the connection's
 * owner, as an embedded database's server derives it.
 */
export async function seedDemo(
  em: EntityManager,
  demo: DemoSeedContext = { ballotSecret: derivedBallotSecret(em.config.get('clientUrl')!) },
): Promise<void> {
  await em.transactional(async (tem) => {
    for (const module of MODULES) await module.seedDemo?.(tem, demo);
  });
}
