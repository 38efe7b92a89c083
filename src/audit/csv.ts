import { AuditInputError } from './values.ts';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An RFC 4180 CSV reader fed chunk by chunk: quoted fields, `""` escapes, line breaks inside
 * quotes, CRLF / LF / CR line ends, a leading byte-order mark. Lenient where the RFC is silent:
 * a quote inside an unquoted field is kept as text, text after a closing quote is appended.
 * Empty lines are skipped.
 */
export class CsvReader {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  private afterQuote = false;
  private skipLf = false;
  private fieldStarted = false;
  private started = false;
  private records = 0;
  private wanted: Uint8Array | null = null;

  /**
   * Keeps only these columns' text in the records that follow (the others read as ''): a wide
   * export is cut into far fewer strings. Lines without quotes take a fast path either way.
   */
  select(columns: readonly number[]): void {
    const wanted = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const column of columns) wanted[column] = 1;
    this.wanted = wanted;
  }

  /** Parses one chunk; returns the records it completed. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    let i = 0;
    const n = chunk.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    // The next quote and CR at or after i (n when none): a line before both is split directly.
    let quote = -1;
    let cr = -1;
    while (i < n) {
      if (
        !this.skipLf &&
        !this.afterQuote &&
        !this.inQuotes &&
        !this.fieldStarted &&
        this.record.length === 0
      ) {
        const lf = chunk.indexOf('\n', i);
        if (lf !== -1) {
          if (quote < i) quote = indexOr(chunk, '"', i, n);
          if (cr < i) cr = indexOr(chunk, '\r', i, n);
          if (quote > lf && cr >= lf - 1) {
            this.splitLine(chunk, i, cr === lf - 1 ? cr : lf, out);
            i = lf + 1;
            continue;
          }
        }
      }
      if (this.skipLf) {
        this.skipLf = false;
        if (chunk.charCodeAt(i) === LF) i++;
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (chunk.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
        } else this.inQuotes = false;
        continue;
      }
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        if (q === -1) {
          this.field += chunk.slice(i);
          break;
        }
        this.field += chunk.slice(i, q);
        if (q + 1 === n) {
          this.afterQuote = true;
          break;
        }
        if (chunk.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      let j = i;
      let c = 0;
      while (j < n) {
        c = chunk.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      if (j > i) {
        this.field = this.fieldStarted ? this.field + chunk.slice(i, j) : chunk.slice(i, j);
        this.fieldStarted = true;
      }
      if (j === n) break;
      i = j + 1;
      if (c === QUOTE) {
        if (this.fieldStarted) this.field += '"';
        else this.inQuotes = true;
        this.fieldStarted = true;
      } else if (c === COMMA) {
        this.endField();
      } else {
        this.endField();
        this.endRecord(out);
        if (c === CR) this.skipLf = true;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record, if the input did not end with a line break. */
  end(): string[][] {
    if (this.inQuotes && !this.afterQuote) {
      throw new AuditInputError(`CSV: unterminated quoted field in record ${this.records + 1}`);
    }
    const out: string[][] = [];
    if (this.fieldStarted || this.record.length > 0) {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  /** One whole line without quotes or inner CRs, [from, to), cut at its commas. */
  private splitLine(chunk: string, from: number, to: number, out: string[][]): void {
    if (from === to) return;
    const wanted = this.wanted;
    const record: string[] = [];
    let start = from;
    for (let column = 0; ; column++) {
      let comma = chunk.indexOf(',', start);
      if (comma === -1 || comma > to) comma = to;
      const keep = wanted === null || (column < wanted.length && wanted[column] === 1);
      record.push(keep ? chunk.slice(start, comma) : '');
      if (comma === to) break;
      start = comma + 1;
    }
    this.records++;
    out.push(record);
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(out: string[][]): void {
    const record = this.record;
    this.record = [];
    if (record.length === 1 && record[0] === '') return;
    this.records++;
    out.push(record);
  }
}

function indexOr(text: string, search: string, from: number, otherwise: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? otherwise : at;
}

/** Reads CSV records from a stream of text chunks, a batch of records per chunk. */
export async function* readCsv(chunks: AsyncIterable<string>): AsyncGenerator<string[][]> {
  const reader = new CsvReader();
  for await (const chunk of chunks) {
    const batch = reader.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const last = reader.end();
  if (last.length > 0) yield last;
}
