import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../../test/support/test-orm';
import { sql } from '../../common/sql';
import { figuresSize, packFigures, unpackFigures } from './assessment-figures';

const columns = {
  raw: Float64Array.from([0.41, Number.NaN, 12, 3]),
  scores: Float64Array.from([47.5, Number.NaN, 76, 40]),
  effectiveWeights: Float64Array.from([0.5, Number.NaN, 0.25, 0.25]),
  contributions: Float64Array.from([23.75, Number.NaN, 19, 10]),
  pastRedLines: Uint8Array.from([0, 0, 1, 0]),
  winsorised: Uint8Array.from([1, 0, 1, 0]),
};
const expected = [
  { rawValue: 0.41, normalizedScore: 47.5, effectiveWeight: 0.5, contribution: 23.75, pastRedLine: false, winsorised: true },
  { rawValue: null, normalizedScore: null, effectiveWeight: null, contribution: null, pastRedLine: false, winsorised: false },
  { rawValue: 12, normalizedScore: 76, effectiveWeight: 0.25, contribution: 19, pastRedLine: true, winsorised: true },
];

describe('assessment figures', () => {
  it('pack a region’s indicators (one region of a columnar table) and unpack them exactly', () => {
    const bytes = Buffer.alloc(figuresSize(3) + 2);
    packFigures(columns, 0, 3, bytes, 2);
    expect(unpackFigures(bytes.subarray(2), 3)).toEqual(expected);
    expect(figuresSize(7)).toBe(231);
  });

  it('refuse bytes that do not fit the number of indicators', () => {
    expect(() => unpackFigures(Buffer.alloc(figuresSize(3)), 4)).toThrow(/for 4 indicators/);
  });

  describe('the migration that introduced them', () => {
    const orm = useTestOrm();

    it('converts stored arrays into the bytes the server reads, and keeps what was published', async () => {
      const em = orm().em.fork();
      const before = await sql<{ key: string; published: boolean }>(
        em,
        `select region_id || period as key, published from assessment order by 1`,
      );
      await orm().getMigrator().down({ to: 'Migration20261126020000AssessmentStorage' });
      await sql(
        orm().em.fork(),
        `update assessment set raw_values = '{0.41,NULL,12}', normalized_scores = '{47.5,NULL,76}', effective_weights = '{0.5,NULL,0.25}',
                contributions = '{23.75,NULL,19}', past_red_lines = '{f,f,t}', winsorised = '{t,f,t}', missing = '{B}'`,
      );
      await orm().getMigrator().up();
      const after = await sql<{ key: string; published: boolean; figures: Buffer }>(
        orm().em.fork(),
        `select region_id || period as key, published, figures from assessment order by 1`,
      );
      expect(after.map(({ key, published }) => ({ key, published }))).toEqual(before);
      expect(before.some((row) => row.published)).toBe(true);
      for (const row of after) expect(unpackFigures(row.figures, 3)).toEqual(expected);
    });
  });
});
