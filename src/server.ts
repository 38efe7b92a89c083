import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Config } from './config.ts';
import { loadDemo } from './demo/demo.ts';
import { anyOrganisation } from './orgs/orgs.queries.ts';
import { startRuntime } from './runtime.ts';

const webDist = fileURLToPath(new URL('../web/dist/', import.meta.url));

const placeholder = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baton</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Baton</h1><p>The handoff and escalation control plane for customer support.</p>
<p>The API is described at <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

/** The only place that opens a port. */
export async function startServer(config: Config, opts: { demo: boolean }) {
  const started = performance.now();
  const runtime = await startRuntime(config);
  const { app, services } = runtime;
  if (opts.demo) {
    const loaded = await loadDemo(services.database.db, services.clock());
    if (loaded) services.logger.info({ organisation: loaded.slug }, 'demo organisation loaded');
  }
  if (existsSync(`${webDist}index.html`)) {
    const index = readFileSync(`${webDist}index.html`, 'utf8');
    // Vite names assets by content hash: they never change, so browsers may keep them for a year.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root: webDist }));
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index)));
  } else {
    app.get('/', (c) => c.html(placeholder));
  }
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  services.logger.info(
    { port, database: services.database.kind, ms: Math.round(performance.now() - started) },
    `Baton listening on http://localhost:${port}`,
  );
  if (!(await anyOrganisation(services.database.db))) {
    const base = config.publicUrl ?? `http://localhost:${port}`;
    services.logger.warn(
      { setup: `${base}/setup?token=${config.setupToken}` },
      `No organisation yet: open ${base}/setup?token=${config.setupToken} to set one up (or run \`baton org create\`)`,
    );
  }
  const shutdown = async () => {
    server.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { server, runtime, port };
}
