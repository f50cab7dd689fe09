import { describe, expect, it } from 'vitest';
import { byId, orderFor, sortKey, sortOf } from './list-order';

interface Row {
  id: string;
  name: string;
  createdAt: Date;
}

describe('list order', () => {
  const columns = {
    NAME: (direction: 'asc' | 'desc') => [sortKey<Row>('name', direction, 'string', (row) => row.name)],
    CREATED_AT: (direction: 'asc' | 'desc') => [
      sortKey<Row>('createdAt', direction, 'date', (row) => row.createdAt),
      sortKey<Row>('name', 'asc', 'string', (row) => row.name),
    ],
  };
  const pathsOf = (keys: readonly { path: string; direction: string }[]) => keys.map((key) => `${key.path} ${key.direction}`);

  it('sorts by the requested field and direction, its tie-breakers, then the id in the direction of the last', () => {
    const order = orderFor<'NAME' | 'CREATED_AT', Row>(
      'things',
      { field: 'CREATED_AT', direction: 'DESC' },
      { field: 'NAME', direction: 'ASC' },
      columns,
      byId,
    );
    expect(pathsOf(order.keys)).toEqual(['createdAt desc', 'name asc', 'id asc']);
    expect(order.signature).toBe('things:CREATED_AT:desc');
  });

  it("falls back to the list's default when no order is requested", () => {
    expect(sortOf<'NAME' | 'CREATED_AT'>(null, { field: 'NAME', direction: 'DESC' })).toEqual({ field: 'NAME', direction: 'desc' });
    const order = orderFor<'NAME' | 'CREATED_AT', Row>('things', undefined, { field: 'NAME', direction: 'DESC' }, columns, byId);
    expect(pathsOf(order.keys)).toEqual(['name desc', 'id desc']);
  });

  it('names the list and the order in the signature, so that their cursors differ', () => {
    const of = (list: string, direction: 'ASC' | 'DESC') =>
      orderFor<'NAME' | 'CREATED_AT', Row>(list, { field: 'NAME', direction }, { field: 'NAME', direction: 'ASC' }, columns, byId)
        .signature;
    expect(new Set([of('things', 'ASC'), of('things', 'DESC'), of('others', 'ASC')]).size).toBe(3);
  });
});
