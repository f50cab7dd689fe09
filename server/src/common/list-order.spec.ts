import { describe, expect, it } from 'vitest';
import { orderFor, sortOf } from './list-order';

describe('list order', () => {
  const columns = {
    NAME: (direction: 'asc' | 'desc') => ({ name: direction }),
    CREATED_AT: (direction: 'asc' | 'desc') => ({ createdAt: direction, name: 'asc' as const }),
  };

  it('sorts by the requested field and direction, in the spelling MikroORM wants', () => {
    expect(
      orderFor<'NAME' | 'CREATED_AT', { name: string; createdAt: Date }>(
        { field: 'CREATED_AT', direction: 'ASC' },
        { field: 'NAME', direction: 'DESC' },
        columns,
      ),
    ).toEqual({
      createdAt: 'asc',
      name: 'asc',
    });
  });

  it("falls back to the list's default when no order is requested", () => {
    expect(sortOf<'NAME' | 'CREATED_AT'>(null, { field: 'NAME', direction: 'DESC' })).toEqual({ field: 'NAME', direction: 'desc' });
    expect(
      orderFor<'NAME' | 'CREATED_AT', { name: string; createdAt: Date }>(undefined, { field: 'NAME', direction: 'DESC' }, columns),
    ).toEqual({ name: 'desc' });
  });
});
