import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webBuildNeeded } from './web-build.ts';

/** A checkout in a temporary folder: files written with the given modification times (seconds). */
function checkout(files: Record<string, number>) {
  const root = mkdtempSync(join(tmpdir(), 'baton-web-build-'));
  for (const [path, at] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), at, at);
  }
  return root;
}

describe('serve --build-web: whether the web app is built first', () => {
  const roots: string[] = [];
  const at = (files: Record<string, number>) => {
    const root = checkout(files);
    roots.push(root);
    return root;
  };
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  it('builds a checkout never built', () => {
    expect(webBuildNeeded(at({ 'web/index.html': 100, 'web/src/main.tsx': 100 }))).toBe('missing');
  });

  it('leaves a build newer than every source alone', () => {
    const root = at({
      'web/index.html': 100,
      'vite.config.ts': 100,
      'web/src/main.tsx': 100,
      'web/src/queue/QueuePage.tsx': 150,
      'web/dist/index.html': 200,
    });
    expect(webBuildNeeded(root)).toBeNull();
  });

  it('builds again when a source changed after the build, however deep, or the page or the config did', () => {
    const base = {
      'web/index.html': 100,
      'vite.config.ts': 100,
      'web/src/main.tsx': 100,
      'web/dist/index.html': 200,
    };
    expect(webBuildNeeded(at({ ...base, 'web/src/queue/rows/Row.tsx': 300 }))).toBe('stale');
    expect(webBuildNeeded(at({ ...base, 'web/src/styles.css': 300 }))).toBe('stale');
    expect(webBuildNeeded(at({ ...base, 'web/index.html': 300 }))).toBe('stale');
    expect(webBuildNeeded(at({ ...base, 'vite.config.ts': 300 }))).toBe('stale');
  });

  it('builds nothing where only the build is shipped', () => {
    expect(webBuildNeeded(at({ 'web/dist/index.html': 200 }))).toBeNull();
  });
});
