import type { Command } from 'commander';

// Placeholder until the module that owns this command lands.
export function registerSummarize(_program: Command): void {}
