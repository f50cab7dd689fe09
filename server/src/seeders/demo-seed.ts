import type { EntityManager } from '@mikro-orm/postgresql';
import { derivedBallotSecret, loadConfig } from '../app/config';
import type { DemoSeedContext } from '../app/module-manifest';
import { MODULES } from '../app/modules';
import { createServices } from '../app/services';
import { systemContext } from '../app/system-context';
import { Region } from '../modules/regions/regions.module';

/** Who the audit log names for the demo's derived changes (CADRE_TRUST from campaigns, review alerts). */
export const DEMO_ACTOR = 'demo@massline.demo';

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
  { ballotSecret }: { ballotSecret: string } = { ballotSecret: derivedBallotSecret(em.config.get('clientUrl')!) },
): Promise<void> {
  // The modules' services as the server creates them, with the server's ballot secret; no ledger key: the
  // seed signs no tree head.
  const services = createServices(loadConfig({ ballotSecret, ledgerKeyFile: null }, {}));
  const demo: DemoSeedContext = { ballotSecret, services, contextOf: (tem) => systemContext(tem, services, DEMO_ACTOR) };
  await em.transactional(async (tem) => {
    for (const module of MODULES) await module.seedDemo?.(tem, demo);
    for (const module of MODULES) await module.finishDemo?.(tem, demo);
  });
}
