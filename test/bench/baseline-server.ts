import http from 'node:http';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { Pool } from 'pg';
import { harmony } from '@massline/shared';
import { unpackFigures } from '../../server/src/modules/harmony/assessment-figures';

/**
 * The yardstick of `npm run bench`: a straightforward hand-written GraphQL server (graphql-js, node-pg,
 * no framework) answering the public dashboard query from the same database, with the same SQL-level
 * work as the platform — one statement for the page (assessments of the active version, published,
 * with region and methodology settings; figures unpacked with the same function), one for its count,
 * in parallel — and the same schema for the fields the query reads, answering the same bytes.
 */
const SCHEMA = `
  enum HarmonyGrade { ATTENTION BASICALLY_HARMONIOUS HARMONIOUS WARNING }
  input AssessmentFilter { period: String, parentId: ID }
  type Region { code: String! nameEn: String! }
  type IndicatorScore { code: String! normalizedScore: Float contribution: Float }
  type Assessment { region: Region! index: Float grade: HarmonyGrade rank: Int change: Float scores: [IndicatorScore!]! }
  type AssessmentEdge { node: Assessment! }
  type AssessmentConnection { totalCount: Int! edges: [AssessmentEdge!]! }
  type Query { assessments(first: Int!, filter: AssessmentFilter): AssessmentConnection! }
`;

interface Row {
  index: number | null;
  grade: string | null;
  rank: number | null;
  previous_index: number | null;
  figures: Buffer;
  settings: harmony.MethodologySettings;
  region_code: string;
  region_name_en: string;
}

const FROM = `from assessment a join region r on r.id = a.region_id join methodology_version v on v.id = a.methodology_version_id
  where v.active and a.published and ($1::varchar is null or a.period = $1) and ($2::uuid is null or r.parent_id = $2)`;

function rootValue(pool: Pool) {
  return {
    async assessments({ first, filter }: { first: number; filter?: { period?: string | null; parentId?: string | null } }) {
      const params = [filter?.period ?? null, filter?.parentId ?? null];
      const [rows, count] = await Promise.all([
        pool.query<Row>(
          `select a.index, a.grade, a.rank, a.previous_index, a.figures, v.settings, r.code as region_code, r.name_en as region_name_en
           ${FROM} order by a.rank asc nulls last, r.code asc, a.period asc limit $3`,
          [...params, first],
        ),
        pool.query<{ count: string }>(`select count(*) as count ${FROM}`, params),
      ]);
      return {
        totalCount: Number(count.rows[0].count),
        edges: rows.rows.map((row) => {
          const { indicators } = row.settings;
          const figures = unpackFigures(row.figures, indicators.length);
          return {
            node: {
              region: { code: row.region_code, nameEn: row.region_name_en },
              index: row.index,
              grade: row.grade,
              rank: row.rank,
              // As the platform shows it: between two one-decimal figures, rounded like them (−0.3, not −0.29999999999999716).
              change: row.index !== null && row.previous_index !== null ? harmony.roundIndex(row.index - row.previous_index) : null,
              scores: indicators.map((indicator, c) => ({ code: indicator.code, ...figures[c] })),
            },
          };
        }),
      };
    },
  };
}

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the baseline on a free port over `databaseUrl`, with a pool of `poolMax` connections (the platform's). */
export async function startBaselineServer(databaseUrl: string, poolMax: number): Promise<BaselineServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax });
  const schema: GraphQLSchema = buildSchema(SCHEMA);
  const root = rootValue(pool);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      void graphql({ schema, source: query, rootValue: root, variableValues: variables }).then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
