import { performance } from 'node:perf_hooks';

/** One server under measurement: how to send it one request. */
export interface Contender {
  name: string;
  send: () => Promise<Response>;
}

export interface SideBySideFigures {
  name: string;
  requestsPerSecond: number;
  /** Latency percentiles of single requests, ms. */
  p50: number;
  p99: number;
  /**
   * The process's CPU (user + system) per answered request, ms: the clients' share is the same for each
   * contender, so the difference is the servers'. Less noisy than requests/s on a shared machine.
   */
  cpuMsPerRequest: number;
  /** The database's CPU (its postmaster and every backend) per answered request, ms; null where it cannot be read. */
  databaseCpuMsPerRequest: number | null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/**
 * Measures servers side by side: a warm-up round each, then rounds alternating between them (so that
 * whatever else the machine does falls on all alike), each round `requestsPerRound` requests from
 * `concurrency` clients at once. A refused or failed request fails the run: only answers are counted.
 */
export async function compareSideBySide(
  contenders: readonly Contender[],
  {
    rounds,
    requestsPerRound,
    concurrency,
    databaseCpuMs = () => null,
  }: { rounds: number; requestsPerRound: number; concurrency: number; databaseCpuMs?: () => number | null },
): Promise<SideBySideFigures[]> {
  const latencies = contenders.map(() => [] as number[]);
  const busy = contenders.map(() => 0);
  const cpu = contenders.map(() => 0);
  const databaseCpu: (number | null)[] = contenders.map(() => 0);
  const round = async (index: number, keep: boolean) => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const databaseBefore = databaseCpuMs();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = 0; i < requestsPerRound / concurrency; i++) {
          const start = performance.now();
          const response = await contenders[index].send();
          const text = await response.text();
          if (response.status !== 200 || text.includes('"errors"'))
            throw new Error(`${contenders[index].name}: ${response.status} ${text.slice(0, 300)}`);
          if (keep) latencies[index].push(performance.now() - start);
        }
      }),
    );
    if (keep) {
      busy[index] += performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      cpu[index] += (used.user + used.system) / 1000;
      const databaseAfter = databaseCpuMs();
      const spent = databaseBefore === null || databaseAfter === null ? null : databaseAfter - databaseBefore;
      databaseCpu[index] = spent === null || databaseCpu[index] === null ? null : databaseCpu[index] + spent;
    }
  };
  for (let index = 0; index < contenders.length; index++) await round(index, false);
  for (let r = 0; r < rounds; r++) {
    for (let index = 0; index < contenders.length; index++) await round(index, true);
  }
  return contenders.map((contender, index) => {
    const sorted = [...latencies[index]].sort((a, b) => a - b);
    return {
      name: contender.name,
      requestsPerSecond: sorted.length / (busy[index] / 1000),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpuMsPerRequest: cpu[index] / sorted.length,
      databaseCpuMsPerRequest: databaseCpu[index] === null ? null : databaseCpu[index] / sorted.length,
    };
  });
}
