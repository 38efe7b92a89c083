import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type CompiledCalendar, compileCalendar, SlaError } from '../sla/calendar.ts';
import { deadline, parseTarget } from '../sla/deadline.ts';
import { formatInstant, parseInstant } from '../sla/sla.types.ts';
import { CliError, jsonLinesWriter, progress, readLines } from './jsonl.ts';

/** `baton sla deadlines`: the business-hours deadline contract of DESIGN.md, one case a line. */
export function registerSla(program: Command): void {
  const sla = program.command('sla').description('SLA calendars and deadlines');
  sla
    .command('deadlines')
    .description('compute business-hours deadlines for JSON lines {id, calendar, start, target}')
    .requiredOption('--in <file>', 'JSON lines input, or - for standard input')
    .option('--calendars <file>', 'JSON object mapping calendar names to calendars')
    .action(async (o: { in: string; calendars?: string }) => {
      const named = o.calendars ? await loadCalendars(o.calendars) : undefined;
      await runDeadlines(o.in, named);
    });
}

type Named = Map<string, unknown>;

async function loadCalendars(path: string): Promise<Named> {
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
  // The contract's shape is {name: calendar}; a list of calendars with a "name" is accepted too.
  if (Array.isArray(data)) {
    return new Map(data.filter((c) => typeof c?.name === 'string').map((c) => [c.name as string, c]));
  }
  if (data === null || typeof data !== 'object') throw new CliError('calendars file must map names to calendars');
  return new Map(Object.entries(data));
}

async function runDeadlines(input: string, named: Named | undefined): Promise<void> {
  const out = jsonLinesWriter();
  const shown = progress('sla deadlines');
  const byName = new Map<string, CompiledCalendar | SlaError>();
  const calendarOf = (value: unknown): CompiledCalendar => {
    if (typeof value !== 'string') return compileCalendar(value);
    let hit = byName.get(value);
    if (hit === undefined) {
      if (!named?.has(value)) {
        throw new SlaError(`unknown calendar ${JSON.stringify(value)}${named ? '' : ' (no --calendars file given)'}`);
      }
      try {
        hit = compileCalendar(named.get(value));
      } catch (error) {
        hit = error instanceof SlaError ? error : new SlaError(String(error));
      }
      byName.set(value, hit);
    }
    if (hit instanceof SlaError) throw new SlaError(`calendar ${JSON.stringify(value)}: ${hit.message}`);
    return hit;
  };

  let count = 0;
  for await (const line of readLines(input)) {
    if (line.trim() === '') continue;
    await out.write(answer(line, calendarOf));
    if ((++count & 4095) === 0) shown.tick(count);
  }
  await out.flush();
  shown.done(count);
}

/** The output object for one input line: a deadline, or the reason there is none. */
function answer(line: string, calendarOf: (value: unknown) => CompiledCalendar): object {
  let item: Record<string, unknown>;
  try {
    item = JSON.parse(line);
  } catch {
    return { id: idIn(line), error: 'invalid JSON' };
  }
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { id: null, error: 'line must be a JSON object' };
  const id = item.id ?? null;
  try {
    if (item.calendar === undefined) return { id, error: 'missing calendar' };
    const cal = calendarOf(item.calendar);
    const start = parseInstant(item.start as string);
    if (Number.isNaN(start)) {
      return { id, error: `invalid start ${JSON.stringify(item.start ?? null)}: expected an ISO 8601 instant with an offset` };
    }
    const target = parseTarget(item.target as string);
    return { id, deadline: formatInstant(deadline(cal, start, target)) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

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
