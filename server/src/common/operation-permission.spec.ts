import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Query, Resolver } from 'type-graphql';
import { buildAppSchema } from '../app/build-schema';
import { loadConfig } from '../app/config';
import { createServices } from '../app/services';
import { describePermission, operationPermissions, Public } from './operation-permission';

describe('operation permissions', () => {
  it('every query and mutation declares who may call it (snapshot: a diff here is a permission change)', async () => {
    const { permissions } = await buildAppSchema(createServices(loadConfig()));
    const listing = [...permissions.entries()]
      .map(([operation, permission]) => `${operation}: ${describePermission(permission)}`)
      .join('\n');
    await expect(`${listing}\n`).toMatchFileSnapshot('./__snapshots__/operation-permissions.txt');
  });

  it('refuses to build a schema with an operation that declares nothing', () => {
    @Resolver()
    class CarelessResolver {
      @Query(() => String)
      forgotten(): string {
        return 'open by accident';
      }
      @Query(() => String)
      @Public()
      declared(): string {
        return 'open on purpose';
      }
    }
    expect(() => operationPermissions([CarelessResolver])).toThrow(/Query\.forgotten/);
    expect(() => operationPermissions([CarelessResolver])).not.toThrow(/Query\.declared/);
  });
});
