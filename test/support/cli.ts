import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { demoOrganisation } from '../../src/demo/organisation.ts';

const root = resolve(import.meta.dirname, '../..');

export type CommandRun = { code: number; stdout: string; stderr: string };

/**
 * `baton …` as someone types it, on a PGlite data folder (DATABASE_URL cleared): the exit code
 * and what it wrote, a failure included.
 */
export function batonOn(dataDir: string) {
  return async (...args: string[]): Promise<CommandRun> => {
    try {
      const { stdout, stderr } = await promisify(execFile)('node', ['bin/baton.js', ...args], {
        cwd: root,
        env: { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: '' },
        maxBuffer: 32 << 20,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as CommandRun;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}

/** The demo organisation without passwords (hashing them is slow), to seed a data folder a command reads. */
export const demoWithoutPasswords = {
  ...demoOrganisation,
  people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })),
};
