#!/usr/bin/env node
// The one `baton` binary. Sources are TypeScript run through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
