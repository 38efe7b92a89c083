import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether `serve --build-web` must build the web app before serving it: when no build exists, or
 * when its sources changed after the last build (an update pulled over a checkout that built it
 * once: serving the old pages against the new API would break them). Null when the build is
 * current, or when there are no sources to build from (an install that ships the build alone).
 */
export function webBuildNeeded(root: string): 'missing' | 'stale' | null {
  if (!existsSync(join(root, 'web/index.html'))) return null;
  const built = join(root, 'web/dist/index.html');
  if (!existsSync(built)) return 'missing';
  const builtAt = statSync(built).mtimeMs;
  const sources = [
    join(root, 'web/index.html'),
    join(root, 'vite.config.ts'),
    ...readdirSync(join(root, 'web/src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  ];
  return sources.some((f) => existsSync(f) && statSync(f).mtimeMs > builtAt) ? 'stale' : null;
}
