import { parentPort, workerData } from 'node:worker_threads';
import { harmony } from '@massline/shared';

/**
 * The thread of a sensitivity run (started by SensitivityService): runs the Monte Carlo perturbation of
 * shared's `weightSensitivity` off the server's event loop, and posts its progress, then its result or
 * its error.
 */
export interface SensitivityWorkerData {
  input: harmony.WeightSensitivityInput;
  options: Omit<harmony.WeightSensitivityOptions, 'onProgress'>;
}

export type SensitivityWorkerMessage = { progress: number } | { result: harmony.WeightSensitivityResult } | { error: string };

function run(port: NonNullable<typeof parentPort>, data: SensitivityWorkerData): void {
  const post = (message: SensitivityWorkerMessage) => port.postMessage(message);
  try {
    const result = harmony.weightSensitivity(data.input, {
      ...data.options,
      onProgress: (done, total) => post({ progress: done / total }),
    });
    post({ result });
  } catch (error) {
    post({ error: error instanceof Error ? error.message : String(error) });
  }
}

// Only as a worker: imported elsewhere (its types), the module does nothing.
if (parentPort) run(parentPort, workerData as SensitivityWorkerData);
