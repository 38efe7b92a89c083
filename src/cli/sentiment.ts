import type { Command } from 'commander';

// Placeholder until the module that owns this command lands.
export function registerSentiment(_program: Command): void {}
