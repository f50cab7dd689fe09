import { Migration } from '@mikro-orm/migrations';

/**
 * The close's tally as one pass over the campaign's ballots (100,000 ballots × 10 criteria: ~0.3 s of
 * CPU, was ~7 s). The first tally unnested every ballot into one row per answer (a million rows hashed)
 * and grouped them by the campaign's criteria JSON, and ran a subquery per ballot for its mean. This
 * one reads each ballot once: the statement is written for the campaign's number of criteria (frozen
 * once open), each answer's score picked once per ballot (`offset 0` keeps the picked columns from
 * being recomputed by every aggregate that uses them), then per cadre the sums of every criterion as
 * arrays and the sums of the ballots' means — the same n, sum, sum of squares and don't-know counts
 * as before, which the results' intervals are computed from (shared's maths, on these few numbers).
 * The shuffle no longer sorts its copy of the ballots before sorting them again on the way back.
 */
export class Migration20261129213907EvaluationTally extends Migration {
  override async up(): Promise<void> {
    this.addSql(TALLY);
    this.addSql(SHUFFLE);
  }

  override async down(): Promise<void> {
    this.addSql(FIRST_TALLY);
    this.addSql(FIRST_SHUFFLE);
  }
}

const TALLY = `create or replace function evaluation_tally(p_campaign uuid, p_scores double precision[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $fn$
declare
  v_criteria jsonb;
  v_picked text;
  v_scored_sum text;
  v_scored_n text;
  v_n text;
  v_sum text;
  v_squares text;
  v_given text;
  v_tallied integer;
begin
  select c.criteria into v_criteria from campaign c where c.id = p_campaign;
  -- Per criterion i: its step (a_i) and its score (v_i, null for "don't know"), and their aggregates.
  select string_agg(format('($2)[b.answers[%1$s] + 1] as v%1$s, b.answers[%1$s] as a%1$s', i), ', ' order by i),
         string_agg(format('coalesce(v%s, 0)', i), ' + ' order by i),
         string_agg(format('(v%s is not null)::int', i), ' + ' order by i),
         string_agg(format('count(v%s)', i), ', ' order by i),
         string_agg(format('coalesce(sum(v%s), 0)', i), ', ' order by i),
         string_agg(format('coalesce(sum(v%1$s * v%1$s), 0)', i), ', ' order by i),
         string_agg(format('count(a%s)', i), ', ' order by i)
    into v_picked, v_scored_sum, v_scored_n, v_n, v_sum, v_squares, v_given
    from generate_series(1, jsonb_array_length(v_criteria)) i;
  execute format($sql$
    with picked as (
      select b.term_id, %1$s from ballot b where b.campaign_id = $1 offset 0
    ), scored as (
      -- A ballot's mean over its scored answers (null when it has none).
      select p.*, (%2$s) / nullif(%3$s, 0) as mean from picked p offset 0
    ), per_term as (
      select term_id, count(*) as ballots, array[%4$s] as n, array[%5$s] as total, array[%6$s] as squares, array[%7$s] as given,
             count(mean) as means_n, coalesce(sum(mean), 0) as means_sum, coalesce(sum(mean * mean), 0) as means_squares
        from scored group by term_id
    ), per_criterion as (
      insert into campaign_result (campaign_id, term_id, criterion_code, n, sum, sum_of_squares, dont_know)
      select $1, t.term_id, $3 -> (c.position::int - 1) ->> 'code', c.n, c.total, c.squares, c.given - c.n
        from per_term t cross join lateral unnest(t.n, t.total, t.squares, t.given) with ordinality as c(n, total, squares, given, position)
    )
    insert into campaign_term_result (campaign_id, term_id, ballots, means_n, means_sum, means_sum_of_squares)
    select $1, ct.term_id, coalesce(t.ballots, 0), coalesce(t.means_n, 0), coalesce(t.means_sum, 0), coalesce(t.means_squares, 0)
      from campaign_term ct left join per_term t on t.term_id = ct.term_id
     where ct.campaign_id = $1
  $sql$, v_picked, v_scored_sum, v_scored_n, v_n, v_sum, v_squares, v_given) using p_campaign, p_scores, v_criteria;
  select coalesce(sum(ballots), 0) into v_tallied from campaign_term_result where campaign_id = p_campaign;
  return v_tallied;
end $fn$`;

const SHUFFLE = `create or replace function evaluation_shuffle(p_campaign uuid) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  -- Rewrite the campaign's ballots in random physical order, all with this transaction's xmin: from now
  -- on neither their order nor their system columns follow the order they were cast in.
  create temporary table evaluation_shuffled on commit drop as select * from ballot where campaign_id = p_campaign;
  delete from ballot where campaign_id = p_campaign;
  insert into ballot select * from evaluation_shuffled order by random();
  drop table evaluation_shuffled;
end $$`;

/** The functions as Migration20261129181000Evaluation created them (for down). */
const FIRST_TALLY = `create or replace function evaluation_tally(p_campaign uuid, p_scores double precision[]) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  tallied integer;
begin
  insert into campaign_result (campaign_id, term_id, criterion_code, n, sum, sum_of_squares, dont_know)
    select p_campaign, b.term_id, (c.criteria -> (a.position::int - 1) ->> 'code'),
           count(p_scores[a.step + 1]), coalesce(sum(p_scores[a.step + 1]), 0), coalesce(sum(p_scores[a.step + 1] ^ 2), 0),
           count(*) - count(p_scores[a.step + 1])
      from ballot b
      cross join lateral unnest(b.answers) with ordinality as a(step, position)
      cross join (select criteria from campaign where id = p_campaign) c
     where b.campaign_id = p_campaign
     group by b.term_id, a.position, c.criteria;
  insert into campaign_term_result (campaign_id, term_id, ballots, means_n, means_sum, means_sum_of_squares)
    select p_campaign, ct.term_id, count(m.term_id), count(m.mean), coalesce(sum(m.mean), 0), coalesce(sum(m.mean ^ 2), 0)
      from campaign_term ct
      left join (select b.term_id, (select avg(p_scores[s + 1]) from unnest(b.answers) s) as mean
                   from ballot b where b.campaign_id = p_campaign) m on m.term_id = ct.term_id
     where ct.campaign_id = p_campaign
     group by ct.term_id;
  select coalesce(sum(ballots), 0) into tallied from campaign_term_result where campaign_id = p_campaign;
  return tallied;
end $$`;

const FIRST_SHUFFLE = `create or replace function evaluation_shuffle(p_campaign uuid) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  create temporary table evaluation_shuffled on commit drop as select * from ballot where campaign_id = p_campaign order by random();
  delete from ballot where campaign_id = p_campaign;
  insert into ballot select * from evaluation_shuffled order by random();
  drop table evaluation_shuffled;
end $$`;
