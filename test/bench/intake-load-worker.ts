import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One round of ballot intake, as the bench hands it to the load generator: each client's bodies, sent one after the other. */
export interface IntakeRound {
  url: string;
  clients: { sessionSecret: string; bodies: string[] }[];
}

/** What a round measured, on the load generator's side. */
export interface IntakeRoundResult {
  seconds: number;
  latencies: number[];
  accepted: number;
  /** The first refusal, if any (the bench fails on it). */
  refusal: string | null;
  /** The load generator's own CPU time for the round. */
  cpuMs: number;
}

/**
 * The ballot intake bench's load generator, in a process of its own (`child_process.fork`): its CPU is
 * not counted in the server's event loop, nor does it delay the server's callbacks. HTTP/1.1 keep-alive
 * (one connection per client, as a browser keeps one), bodies built beforehand, answers read as text and
 * parsed only to check for errors: as little client work per ballot as a real client would do.
 */
async function runRound(round: IntakeRound): Promise<IntakeRoundResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: round.clients.length });
  const target = new URL('/graphql', round.url);
  const latencies: number[] = [];
  let accepted = 0;
  let refusal: string | null = null;
  const post = (cookie: string, body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'content-length': Buffer.byteLength(body),
            cookie,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    round.clients.map(async ({ sessionSecret, bodies }) => {
      const cookie = `massline_session=${sessionSecret}`;
      for (const body of bodies) {
        const sent = performance.now();
        const answer = await post(cookie, body);
        latencies.push(performance.now() - sent);
        const parsed = JSON.parse(answer.text) as { errors?: unknown[] };
        if (answer.status !== 200 || parsed.errors) refusal ??= `${answer.status} ${answer.text}`;
        else accepted++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  agent.destroy();
  return { seconds, latencies, accepted, refusal, cpuMs: (user + system) / 1000 };
}

process.on('message', (round: IntakeRound) => {
  runRound(round).then(
    (result) => process.send!(result),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  );
});
