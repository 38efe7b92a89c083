// The tagger's training, run on a worker thread so a large history (10,000 rows is about 9 s of
// CPU) never holds up the event loop. Started through training.worker-loader.js.
import { parentPort, workerData } from 'node:worker_threads';
import type { LabelledExample } from './csv.ts';
import { serializeTagger } from './model-file.ts';
import { TaggerError, type TaggerSettings, trainTagger } from './tagger.ts';

type Job = { examples: LabelledExample[]; settings: TaggerSettings };

const { examples, settings } = workerData as Job;
try {
  const tagger = trainTagger(examples, settings);
  parentPort!.postMessage({
    ok: true,
    model: JSON.stringify(serializeTagger(tagger)),
    report: tagger.report,
  });
} catch (error) {
  parentPort!.postMessage({
    ok: false,
    taggerError: error instanceof TaggerError,
    message: (error as Error).message,
  });
}
