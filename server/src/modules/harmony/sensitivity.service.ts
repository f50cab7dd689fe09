import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { harmony, problemOf } from '@massline/shared';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { RequestContext } from '../../common/request-context';
import { authorize } from '../../common/operation-permission';
import type { AssessmentService } from './assessment.service';
import type { RegionSummary, SensitivityRun } from './dto/harmony.outputs';
import type { SensitivityRunInput } from './dto/harmony.inputs';
import { periodCode } from '../../common/period';
import { MethodologyRepository } from './methodology.repository';
import type { SensitivityWorkerData, SensitivityWorkerMessage } from './sensitivity.worker';

/**
 * Monte Carlo perturbation of the weights (OECD/JRC Handbook, uncertainty analysis): how robust each
 * region's rank among its siblings is. Runs in a worker thread, so that a long run neither blocks the
 * server nor hides its progress; runs are kept in memory for an hour (they are cheap to redo, and
 * seeded, so a redo gives the same answer).
 */
const KEEP_MS = 60 * 60 * 1000;
const MAX_RUNNING = 4;

/**
 * How to start the worker: the compiled module next to this one (server/dist, `npm start`), or, when the
 * server runs from its TypeScript sources (vitest, `npm run dev`), the same module transpiled here and
 * run as code. Not through @swc-node/register in the thread: a native addon loaded in a worker thread
 * can take the whole process down when the thread ends (seen as "worker exited unexpectedly" under load).
 */
let transpiledWorker: string | null = null;
function workerEntry(): { filename: string; eval?: true } {
  if (extname(__filename) !== '.ts') return { filename: join(__dirname, 'sensitivity.worker.js') };
  if (transpiledWorker === null) {
    // typescript is a development dependency: only the TypeScript sources ever get here.
    const ts = createRequire(__filename)('typescript') as typeof import('typescript');
    const source = readFileSync(join(__dirname, 'sensitivity.worker.ts'), 'utf8');
    transpiledWorker = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
  }
  return { filename: transpiledWorker, eval: true };
}

interface Job extends SensitivityRun {
  ownerKey: string;
}

export class SensitivityService {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly assessments: AssessmentService) {}

  async start(context: RequestContext, input: SensitivityRunInput): Promise<SensitivityRun> {
    authorize(context, 'create', 'SensitivityRun', {});
    this.forgetOld();
    if ([...this.jobs.values()].filter((job) => job.status === 'RUNNING').length >= MAX_RUNNING) {
      throw new AppError('TOO_MANY_SENSITIVITY_RUNS', `At most ${MAX_RUNNING} runs at a time: wait for one to finish`);
    }
    const period = periodCode(input.period);
    const version = await new MethodologyRepository(context.em).findActive();
    if (!version) throw new AppError('NO_ACTIVE_METHODOLOGY', 'No methodology version is active');
    // The regions compared: the children of the parent that the caller may see, with their scores.
    const page = await this.assessments.list(
      context,
      { first: 100 },
      { filter: { period, parentId: input.parentId }, orderBy: { field: 'REGION_CODE', direction: 'ASC' } },
    );
    const rows = page.edges.map((edge) => edge.node).filter((node) => node.method === 'DIRECT');
    if (rows.length < 2) throw invalidInput({ parentId: problemOf('TOO_FEW_ASSESSED_REGIONS') });
    const codes = version.settings.indicators.map((indicator) => indicator.code);
    const regions = new Map<string, RegionSummary>(rows.map((row) => [row.region.id, row.region]));
    const job: Job = {
      id: randomUUID(),
      ownerKey: ownerKey(context),
      status: 'RUNNING',
      progress: 0,
      period,
      runs: input.runs ?? harmony.DEFAULT_SENSITIVITY_RUNS,
      perturbation: input.perturbation ?? harmony.DEFAULT_WEIGHT_PERTURBATION,
      seed: input.seed ?? harmony.DEFAULT_SENSITIVITY_SEED,
      aggregation: version.settings.aggregation,
      regions: [],
      error: null,
      startedAt: new Date(),
    };
    this.jobs.set(job.id, job);
    const { filename, ...entry } = workerEntry();
    const workerData: SensitivityWorkerData = {
      input: {
        regions: rows.map((row) => row.region.id),
        weights: version.settings.indicators.map((indicator) => indicator.weight),
        scores: rows.map((row) => codes.map((code) => row.scores.find((score) => score.code === code)?.normalizedScore ?? null)),
      },
      options: {
        runs: job.runs,
        perturbation: job.perturbation,
        seed: job.seed,
        aggregation: job.aggregation,
        progressEvery: Math.max(1, Math.floor(job.runs / 50)),
      },
    };
    const worker = new Worker(filename, { ...entry, workerData });
    worker.on('message', (message: SensitivityWorkerMessage) => {
      if ('progress' in message) job.progress = message.progress;
      if ('result' in message) {
        job.regions = message.result.regions.map((interval) => ({ ...interval, region: regions.get(interval.region)! }));
        job.progress = 1;
        job.status = 'DONE';
      }
      if ('error' in message) {
        job.status = 'FAILED';
        job.error = message.error;
      }
    });
    worker.on('error', (error) => {
      job.status = 'FAILED';
      job.error = error.message;
    });
    return job;
  }

  /** A run, for its owner only (it holds figures of the owner's jurisdiction). */
  async get(context: RequestContext, id: string): Promise<SensitivityRun> {
    authorize(context, 'read', 'SensitivityRun', {});
    const job = this.jobs.get(id);
    // Another caller's run is as unknown as a forgotten one: its existence is not theirs to learn.
    if (!job || job.ownerKey !== ownerKey(context)) throw notFound('SensitivityRun');
    return job;
  }

  /** Waits for every running job (tests, shutdown). */
  async settle(): Promise<void> {
    while ([...this.jobs.values()].some((job) => job.status === 'RUNNING')) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (now - job.startedAt.getTime() > KEEP_MS && job.status !== 'RUNNING') this.jobs.delete(id);
  }
}

const ownerKey = (context: RequestContext) =>
  context.principal.kind === 'ANONYMOUS' ? 'anonymous' : `${context.principal.kind}:${context.principal.id}`;
