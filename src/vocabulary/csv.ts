// RFC 4180 CSV, parsed incrementally so a large training file never has to sit in memory as one
// string. Lenient where spreadsheets are sloppy (LF or lone CR line ends, a stray quote inside an
// unquoted field), strict where silence would lose data (an unterminated quoted field).

/** A malformed CSV or one without the columns a caller needs. `line` is 1-based when known. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export type CsvRecord = { fields: string[]; line: number };

/** Incremental parser: feed chunks with `push`, then call `end`; each returns the completed records. */
export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private quoted = false; // inside a quoted field
  private quoteSeen = false; // a quote inside a quoted field, not yet known to be `""` or the close
  private afterCR = false; // the last character was CR, so a following LF belongs to it
  private started = false; // the current record has at least one character
  private line = 1;
  private recordLine = 1;
  private first = true;

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark from Excel exports
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.afterCR) {
        this.afterCR = false;
        if (c === '\n') continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        // The quote closed the field; `c` is read unquoted, so `"ab"c` gives `abc` (lenient).
        this.quoted = false;
      }
      if (this.quoted) {
        if (c === '"') this.quoteSeen = true;
        else {
          this.field += c;
          if (c === '\n') this.line++;
        }
        continue;
      }
      if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.started = true;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') this.afterCR = true;
        this.finishRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else if (c === '"' && this.field.length === 0) {
        // Only a quote that opens a field starts quoting; `ab"c` keeps its quote (lenient).
        this.quoted = true;
        this.started = true;
      } else {
        this.field += c;
        this.started = true;
      }
    }
    return out;
  }

  end(): CsvRecord[] {
    if (this.quoted && !this.quoteSeen) {
      throw new CsvError('unterminated quoted field (a `"` opened here is never closed)', this.recordLine);
    }
    this.quoteSeen = false;
    this.quoted = false;
    const out: CsvRecord[] = [];
    this.finishRecord(out);
    return out;
  }

  private finishRecord(out: CsvRecord[]) {
    // A blank line is not a record with one empty field: spreadsheets leave them at the end.
    if (this.started || this.field.length > 0) {
      this.fields.push(this.field);
      out.push({ fields: this.fields, line: this.recordLine });
    }
    this.fields = [];
    this.field = '';
    this.started = false;
  }
}

/** Parses a whole CSV text into rows of fields. */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()].map((record) => record.fields);
}

/** Parses a stream of text chunks (a file read stream with an encoding, stdin) record by record. */
export async function* parseCsvStream(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    // Decoding with `stream: true` keeps a multi-byte character split across chunks intact.
    yield* parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

export type LabelledExample = { text: string; label: string };
export type LabelledColumns = { text: string; label: string };

/**
 * Reads `{text, label}` examples from CSV records whose first record is a header naming the
 * columns (any order, other columns ignored, names matched case-insensitively). Records with a
 * blank text or label are skipped and counted rather than failing a whole training run.
 */
export async function readLabelledExamples(
  records: AsyncIterable<CsvRecord> | Iterable<CsvRecord>,
  columns: LabelledColumns = { text: 'text', label: 'label' },
): Promise<{ examples: LabelledExample[]; skipped: number }> {
  let textAt = -1;
  let labelAt = -1;
  let header = true;
  let skipped = 0;
  const examples: LabelledExample[] = [];
  for await (const { fields, line } of records) {
    if (header) {
      header = false;
      const names = fields.map((name) => name.trim().toLowerCase());
      textAt = names.indexOf(columns.text.toLowerCase());
      labelAt = names.indexOf(columns.label.toLowerCase());
      const missing = [columns.text, columns.label].filter((_, i) => (i === 0 ? textAt : labelAt) < 0);
      if (missing.length > 0) {
        const found = fields.length > 0 ? fields.join(', ') : 'nothing';
        throw new CsvError(`header must name the columns ${missing.join(' and ')}; found ${found}`, line);
      }
      continue;
    }
    const text = (fields[textAt] ?? '').trim();
    const label = (fields[labelAt] ?? '').trim();
    if (text === '' || label === '') skipped++;
    else examples.push({ text, label });
  }
  if (header) throw new CsvError(`empty CSV: expected a header with ${columns.text} and ${columns.label}`);
  return { examples, skipped };
}
