// Trains a tagger off the event loop: on a worker thread, one training at a time per process.
// When no worker can start (an unusual runtime), it trains in-process rather than not at all.
import { Worker } from 'node:worker_threads';
import type { LabelledExample } from './csv.ts';
import { serializeTagger } from './model-file.ts';
import { TaggerError, type TaggerReport, type TaggerSettings, trainTagger } from './tagger.ts';

export type TrainedModel = { model: string; report: TaggerReport; where: 'worker' | 'inline' };

const loader = new URL('./training.worker-loader.js', import.meta.url);

type Reply =
  | { ok: true; model: string; report: TaggerReport }
  | { ok: false; taggerError: boolean; message: string };

class WorkerUnavailable extends Error {}

function inWorker(examples: LabelledExample[], settings: TaggerSettings): Promise<TrainedModel> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(loader, { workerData: { examples, settings } });
    } catch (error) {
      reject(new WorkerUnavailable((error as Error).message));
      return;
    }
    let answered = false;
    worker.once('message', (reply: Reply) => {
      answered = true;
      void worker.terminate();
      if (reply.ok) resolve({ model: reply.model, report: reply.report, where: 'worker' });
      else reject(reply.taggerError ? new TaggerError(reply.message) : new Error(reply.message));
    });
    worker.once('error', (error) => {
      if (!answered) reject(new WorkerUnavailable(error.message));
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new WorkerUnavailable(`training worker exited with code ${code}`));
    });
  });
}

function inline(examples: LabelledExample[], settings: TaggerSettings): TrainedModel {
  const tagger = trainTagger(examples, settings);
  return { model: JSON.stringify(serializeTagger(tagger)), report: tagger.report, where: 'inline' };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Trains on a worker thread; trainings queue so that at most one uses a core per process.
 * `onFallback` hears why the worker could not run when training falls back to this thread.
 */
export function trainOffThread(
  examples: LabelledExample[],
  settings: TaggerSettings = {},
  onFallback?: (reason: string) => void,
): Promise<TrainedModel> {
  const run = async () => {
    try {
      return await inWorker(examples, settings);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      onFallback?.(error.message);
      return inline(examples, settings);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
