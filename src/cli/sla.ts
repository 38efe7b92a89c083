import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CompiledCalendar, compileCalendar, SlaError } from '../sla/calendar.ts';
import { deadline, parseTarget } from '../sla/deadline.ts';
import { formatInstant, parseInstant } from '../sla/instant.ts';
import { CliError, jsonLinesWriter, progress, readLineBatches, scanFields } from './jsonl.ts';

/** `baton sla deadlines`: the business-hours deadline contract of DESIGN.md, one case a line. */
export function registerSla(program: Command): void {
  const sla = program.command('sla').description('SLA calendars and deadlines');
  sla
    .command('deadlines')
    .description('compute business-hours deadlines for JSON lines {id, calendar, start, target}')
    .requiredOption('--in <file>', 'JSON lines input, or - for standard input')
    .option('--calendars <file>', 'JSON object mapping calendar names to calendars')
    .action(async (o: { in: string; calendars?: string }) => {
      const solver = new Solver(o.calendars ? await loadCalendars(o.calendars) : undefined);
      const out = jsonLinesWriter();
      const shown = progress('sla deadlines');
      let count = 0;
      for await (const lines of readLineBatches(o.in)) {
        for (const line of lines) {
          if (line.trim() === '') continue;
          const flushing = out.writeLine(solver.answer(line));
          if (flushing) await flushing;
          count++;
        }
        shown.tick(count);
      }
      await out.flush();
      shown.done(count);
    });
}

async function loadCalendars(path: string): Promise<Map<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`cannot read calendars file: ${path}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`calendars file is not JSON: ${(error as Error).message}`);
  }
  // The contract's shape is {name: calendar}; a list of calendars each with a "name" is accepted too.
  if (Array.isArray(data))
    return new Map(data.filter((c) => typeof c?.name === 'string').map((c) => [c.name, c]));
  if (data === null || typeof data !== 'object')
    throw new CliError('calendars file must map names to calendars');
  return new Map(Object.entries(data));
}

const FIELDS = ['id', 'calendar', 'start', 'target'];
const START_HINT = 'expected an ISO 8601 instant with an offset, such as 2026-03-02T09:00:00Z';

/** Turns one input line into one output line; compiled calendars are kept by name and by JSON text. */
class Solver {
  private readonly byName = new Map<string, CompiledCalendar | SlaError>();
  private readonly inline = new Map<string, CompiledCalendar | SlaError>();
  private readonly recent: (string | CompiledCalendar | SlaError)[] = []; // text, calendar, text, ...

  constructor(private readonly named: Map<string, unknown> | undefined) {}

  answer(line: string): string {
    // Most lines are flat objects without escapes: read those without JSON.parse, with inline
    // calendars keyed by their own text. Anything else takes the full parser, with the same answers.
    const raw = scanFields(line, FIELDS, 1);
    if (raw === null || (raw[0] !== undefined && hasControl(raw[0]))) return this.answerParsed(line);
    const [id, text, start, target] = raw;
    let compiled: CompiledCalendar | SlaError | undefined;
    if (text !== undefined && (text.charCodeAt(0) === 123 || text.charCodeAt(0) === 91)) {
      compiled = this.inlineCalendar(text);
      if (compiled === undefined) return this.answerParsed(line); // not JSON after all: say so the usual way
    }
    return this.solve(id ?? 'null', compiled ?? rawValue(text), rawValue(start), rawValue(target));
  }

  private answerParsed(line: string): string {
    let item: Record<string, unknown>;
    try {
      item = JSON.parse(line);
    } catch {
      return failure(JSON.stringify(idIn(line)), 'invalid JSON');
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return failure('null', 'line must be a JSON object');
    return this.solve(JSON.stringify(item.id ?? null), item.calendar, item.start, item.target);
  }

  /** `calendar` is a compiled calendar, an error already met, or the line's calendar value. */
  private solve(idJson: string, calendar: unknown, start: unknown, target: unknown): string {
    try {
      if (calendar instanceof SlaError) throw calendar;
      const cal = calendar instanceof CompiledCalendar ? calendar : this.calendarOf(calendar);
      if (start === undefined) return failure(idJson, 'missing start');
      const startMs = parseInstant(start as string);
      if (Number.isNaN(startMs))
        return failure(idJson, `invalid start ${JSON.stringify(start)}: ${START_HINT}`);
      if (target === undefined) return failure(idJson, 'missing target');
      return `{"id":${idJson},"deadline":"${formatInstant(deadline(cal, startMs, parseTarget(target as string)))}"}`;
    } catch (error) {
      return failure(idJson, error instanceof Error ? error.message : String(error));
    }
  }

  private calendarOf(value: unknown): CompiledCalendar {
    if (value === undefined) throw new SlaError('missing calendar');
    if (typeof value !== 'string') return compileCalendar(value);
    let hit = this.byName.get(value);
    if (hit === undefined) {
      if (!this.named?.has(value)) {
        const hint = this.named ? '' : ' (no --calendars file given)';
        throw new SlaError(`unknown calendar ${JSON.stringify(value)}${hint}`);
      }
      hit = compiled(() => compileCalendar(this.named?.get(value)));
      this.byName.set(value, hit);
    }
    if (hit instanceof SlaError) throw new SlaError(`calendar ${JSON.stringify(value)}: ${hit.message}`);
    return hit;
  }

  /** The compiled inline calendar, an SlaError to report, or undefined when its text is not JSON. */
  private inlineCalendar(text: string): CompiledCalendar | SlaError | undefined {
    // Comparing with the few calendars last met is cheaper than hashing a long fresh key.
    const recent = this.recent;
    for (let i = 0; i < recent.length; i += 2)
      if (recent[i] === text) return recent[i + 1] as CompiledCalendar | SlaError;
    let hit = this.inline.get(text);
    if (hit === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return undefined;
      }
      hit = compiled(() => compileCalendar(value, text));
      if (this.inline.size >= 10_000) this.inline.clear();
      this.inline.set(text, hit);
    }
    if (recent.length >= 16) recent.splice(0, 2);
    recent.push(text, hit);
    return hit;
  }
}

function compiled(make: () => CompiledCalendar): CompiledCalendar | SlaError {
  try {
    return make();
  } catch (error) {
    return error instanceof SlaError ? error : new SlaError(String(error));
  }
}

/** A scanned value: strings have no escapes (the scanner guarantees it), anything else is JSON. */
function rawValue(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  return raw.charCodeAt(0) === 34 ? raw.slice(1, -1) : JSON.parse(raw);
}

/** An id echoed as written must not carry a raw control character, which JSON forbids. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 32) return true;
  return false;
}

const failure = (idJson: string, reason: string) => `{"id":${idJson},"error":${JSON.stringify(reason)}}`;

/** The id of a line that is not valid JSON, when it can still be seen, so the error can be matched. */
function idIn(line: string): unknown {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
  if (!m) return null;
  try {
    return JSON.parse(m[1]);
  } catch {
    return null;
  }
}
