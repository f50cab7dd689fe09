import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../common/loaders';
import { Organization } from './organization.entity';

declare module '../../common/loaders' {
  interface Loaders {
    organizations: DataLoader<string, Organization | null>;
  }
}

/** The accounts module's loaders of one request. */
export function accountLoaders(em: EntityManager) {
  return { organizations: byIdLoader(em, Organization) };
}
