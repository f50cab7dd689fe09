import type { EntityManager } from '@mikro-orm/postgresql';
import { MODULES } from '../app/modules';
import { Region } from '../modules/regions/regions.module';

/** Is there anything in the database yet? The demo is seeded only into an empty one. */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Region, {})) === 0;
}

/**
 * Seeds the demo: every module's step (its manifest's `seedDemo`), in MODULES order, in one transaction —
 * the demo province, its organizations, the README's accounts and a third party's token, the harmony index.
 */
export async function seedDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tem) => {
    for (const module of MODULES) await module.seedDemo?.(tem);
  });
}
