import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from '../../server/src/common/sql';

/** 1 province, 30 cities, 300 counties, 2,669 townships = 3,000 regions; 20 quarters; 7 indicators. */
export async function seedSynthetic(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  await sql(
    em,
    `insert into region (id, code, name, name_en, level, parent_id, path) values (gen_random_uuid(), '99', '测', 'Bench', 'PROVINCE', null, '/99/')`,
  );
  await sql(
    em,
    `insert into region (id, code, name, name_en, level, parent_id, path)
    select gen_random_uuid(), '99' || lpad(c::text, 2, '0'), 'c', 'City ' || c, 'CITY', (select id from region where code = '99'), '/99/99' || lpad(c::text, 2, '0') || '/'
      from generate_series(1, 30) c`,
  );
  await sql(
    em,
    `insert into region (id, code, name, name_en, level, parent_id, path)
    select gen_random_uuid(), p.code || lpad(k::text, 2, '0'), 'k', 'County', 'COUNTY', p.id, p.path || p.code || lpad(k::text, 2, '0') || '/'
      from region p, generate_series(1, 10) k where p.level = 'CITY'`,
  );
  await sql(
    em,
    `insert into region (id, code, name, name_en, level, parent_id, path)
    select gen_random_uuid(), code, 't', 'Town', 'TOWNSHIP', parent_id, path from (
      select p.code || lpad(t::text, 3, '0') as code, p.id as parent_id, p.path || p.code || lpad(t::text, 3, '0') || '/' as path,
             row_number() over (order by p.code, t) as n
        from region p, generate_series(1, 9) t where p.level = 'COUNTY') x where n <= 2669`,
  );
  const periods = Array.from({ length: 20 }, (_, i) => `${2022 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  await sql(
    em,
    `insert into region_statistics (id, region_id, period, population, households)
    select gen_random_uuid(), r.id, y::text, 20000 + (abs(hashtext(r.code || y)) % 40000), 8000 + (abs(hashtext(r.code)) % 12000)
      from region r, generate_series(2022, 2026) y`,
  );
  // Values like the demo's: each region has its own level per indicator (most in the healthy half of the
  // goalpost range, some not) and moves a little from quarter to quarter, so that alerts are raised at
  // a realistic rate rather than on every random jump.
  await sql(
    em,
    `insert into observation (id, region_id, period, indicator_id, value, method)
    select gen_random_uuid(), r.id, p, i.id,
           case when i.direction = 'LOWER_IS_BETTER' then i.goalpost_lower + (i.goalpost_upper - i.goalpost_lower) * x.position
                else i.goalpost_upper - (i.goalpost_upper - i.goalpost_lower) * x.position end,
           'DIRECT'
      from region r, unnest(?::text[]) p, indicator i,
           lateral (select least(1, greatest(0, power((abs(hashtext(r.code || i.code)) % 1000) / 1000.0, 2) * 0.5
                                              + ((abs(hashtext(r.code || p || i.code)) % 1000) / 1000.0 - 0.5) * 0.12)) as position) x
     where r.level <> 'PROVINCE'`,
    [periods],
  );
  return periods;
}
