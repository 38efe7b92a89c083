import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const roles = /\.(types|table|queries|commands|routes|listeners|jobs|test|property\.test|main|bench)\.ts$/;
// Folders that are I/O by nature: the database, HTTP, events, jobs, CLI and the demo loader.
const ioFolders = ['db', 'http', 'events', 'jobs', 'cli', 'demo'];
const ioFiles = ['server.ts', 'runtime.ts', 'config.ts'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const pureFiles = walk(src).filter((file) => {
  const rel = relative(src, file);
  const [top] = rel.split('/');
  return !roles.test(rel) && !ioFolders.includes(top!) && !ioFiles.includes(rel);
});

describe('pure rules stay pure (STYLE.md rule 2)', () => {
  it('finds the pure files', () => {
    expect(pureFiles.length).toBeGreaterThan(30);
  });
  for (const file of pureFiles) {
    it(relative(src, file), () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      const io = imports.filter(
        (i) =>
          /(^|\/)(db|http|events|jobs)\//.test(i) ||
          /\.(table|queries|commands|routes|listeners|jobs)\.ts$/.test(i) ||
          ['pg', '@electric-sql/pglite', 'drizzle-orm', 'hono'].includes(i),
      );
      expect(io, 'imports of I/O modules').toEqual([]);
      expect(text, 'reads the clock').not.toMatch(/Date\.now\(\)|new Date\(\)|performance\.now\(\)/);
    });
  }
});

describe('notices go through db/notices.ts (decision 6)', () => {
  // On PGlite a transaction's notices are kept in process; a raw pg_notify there would reach nobody.
  // So NOTIFY is written only where the database kind is known.
  it('writes pg_notify only in the modules that know which database they run on', () => {
    const raising = walk(src)
      .filter((file) => !file.endsWith('.test.ts') && readFileSync(file, 'utf8').includes('pg_notify'))
      .map((file) => relative(src, file))
      .sort();
    expect(raising).toEqual(['db/database.ts', 'db/notices.ts', 'events/events.commands.ts']);
    expect(readFileSync(join(src, 'events/events.commands.ts'), 'utf8')).toContain(
      'keepsNoticesInProcess(tx)',
    );
  });
});
