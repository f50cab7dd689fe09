import type { EntityManager } from '@mikro-orm/postgresql';
import type { evaluation } from '@massline/shared';
import { sql } from '../../common/sql';
import type { TermMassEvaluation } from './verdict.service';

interface TermResultRow {
  term_id: string;
  campaign_id: string;
  title: string;
  title_zh: string;
  period: string;
  criteria: evaluation.CampaignCriterion[];
  eligible_at_close: number | null;
  ballots: number;
  means_n: number;
  means_sum: number;
  means_sum_of_squares: number;
}

interface CriterionRow {
  campaign_id: string;
  term_id: string;
  criterion_code: string;
  n: number;
  sum: number;
  sum_of_squares: number;
  dont_know: number;
}

/**
 * What a verdict stands on from mass evaluation: for each term, the latest published campaign whose
 * ballots for it reached the campaign's k, with the tallies the close wrote (the evaluation module's
 * campaign_term_result and campaign_result) — plain rows, two statements whatever the number of terms.
 * Results below k are never read: nobody sees more than their count.
 */
export class MassEvaluationRepository {
  constructor(private readonly em: EntityManager) {}

  async latestPublishedByTerm(termIds: readonly string[]): Promise<Map<string, TermMassEvaluation>> {
    if (termIds.length === 0) return new Map();
    const terms = await sql<TermResultRow>(
      this.em,
      `select distinct on (r.term_id) r.term_id, c.id as campaign_id, c.title, c.title_zh, c.period, c.criteria, c.eligible_at_close,
              r.ballots, r.means_n, r.means_sum, r.means_sum_of_squares
         from campaign_term_result r join campaign c on c.id = r.campaign_id
        where r.term_id = any(?::uuid[]) and c.status = 'PUBLISHED' and r.ballots >= c.publication_threshold
        order by r.term_id, c.published_at desc, c.id desc`,
      [[...termIds]],
    );
    if (terms.length === 0) return new Map();
    const criteria = await sql<CriterionRow>(
      this.em,
      `select campaign_id, term_id, criterion_code, n, sum, sum_of_squares, dont_know from campaign_result
        where (campaign_id, term_id) in (select * from unnest(?::uuid[], ?::uuid[]))`,
      [terms.map((row) => row.campaign_id), terms.map((row) => row.term_id)],
    );
    const byTerm = new Map<string, CriterionRow[]>();
    for (const row of criteria) byTerm.set(row.term_id, [...(byTerm.get(row.term_id) ?? []), row]);
    return new Map(
      terms.map((row) => {
        const tallies = new Map((byTerm.get(row.term_id) ?? []).map((criterion) => [criterion.criterion_code, criterion]));
        const tally: evaluation.SatisfactionTally = {
          ballots: row.ballots,
          ballotMeans: { n: row.means_n, sum: row.means_sum, sumOfSquares: row.means_sum_of_squares },
          // In the campaign's order of criteria, each with its sums (none for a criterion nobody scored).
          criteria: row.criteria.map(({ code }) => {
            const found = tallies.get(code);
            return {
              code,
              n: found?.n ?? 0,
              sum: found?.sum ?? 0,
              sumOfSquares: found?.sum_of_squares ?? 0,
              dontKnow: found?.dont_know ?? 0,
            };
          }),
        };
        const mass: TermMassEvaluation = {
          campaignId: row.campaign_id,
          title: row.title,
          titleZh: row.title_zh,
          period: row.period,
          eligible: row.eligible_at_close,
          criteria: row.criteria,
          tally,
        };
        return [row.term_id, mass];
      }),
    );
  }
}
