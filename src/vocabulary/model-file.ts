// Saving and loading a trained tagger as one JSON-compatible object. Loading validates shape and
// sizes up front, so a truncated or foreign file fails with a clear message, not a wrong answer.
import { Vectorizer } from './features.ts';
import { dequantizeWeights, quantizeWeights } from './linear-model.ts';
import { Tagger, TaggerError } from './tagger.ts';
import {
  type TaggerModelFile,
  taggerModelFileSchema,
  taggerModelFormat,
  taggerModelVersion,
} from './tagger.types.ts';

export function serializeTagger(tagger: Tagger): TaggerModelFile {
  const { vectorizer, model } = tagger;
  const { scales, levels } = quantizeWeights(model);
  return {
    format: taggerModelFormat,
    version: taggerModelVersion,
    labels: tagger.labels,
    features: vectorizer.options,
    terms: vectorizer.terms,
    wordCount: vectorizer.wordCount,
    idf: encodeFloats(vectorizer.idf),
    scales: encodeFloats(scales),
    levels: Buffer.from(levels.buffer, levels.byteOffset, levels.byteLength).toString('base64'),
    bias: Array.from(model.bias),
    report: tagger.report,
  };
}

/** Rebuilds a tagger from `serializeTagger` output (for example parsed from a model file). */
export function loadTagger(json: unknown): Tagger {
  const head = json as { format?: unknown; version?: unknown } | null;
  if (head?.format !== taggerModelFormat) throw new TaggerError('not a Baton tagger model');
  if (head.version !== taggerModelVersion) {
    throw new TaggerError(`tagger model version ${String(head.version)} is not ${taggerModelVersion}`);
  }
  const parsed = taggerModelFileSchema.safeParse(json);
  if (!parsed.success) throw new TaggerError(`invalid tagger model: ${parsed.error.issues[0]?.message}`);
  const file = parsed.data;
  const dim = file.terms.length;
  const classes = file.labels.length;
  const idf = decodeFloats(file.idf);
  const scales = decodeFloats(file.scales);
  const levels = new Int8Array(new Uint8Array(Buffer.from(file.levels, 'base64')).buffer);
  if (idf.length !== dim || scales.length !== dim || levels.length !== dim * classes) {
    throw new TaggerError('invalid tagger model: weight sizes do not match its vocabulary');
  }
  if (file.bias.length !== classes || file.wordCount > dim) {
    throw new TaggerError('invalid tagger model: sizes do not match its labels');
  }
  const vectorizer = new Vectorizer(file.features, file.terms, file.wordCount, idf);
  const model = dequantizeWeights(classes, Float32Array.from(file.bias), { scales, levels });
  return new Tagger(file.labels, vectorizer, model, file.report);
}

// Little-endian explicitly, so a model file means the same on every machine.
function encodeFloats(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i], i * 4);
  return bytes.toString('base64');
}

function decodeFloats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length % 4 !== 0) throw new TaggerError('invalid tagger model: truncated number array');
  const values = new Float32Array(bytes.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
}
