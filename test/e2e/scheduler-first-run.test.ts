import pino from 'pino';
import { expect, it } from 'vitest';
import { createScheduler, type Job } from '../../src/jobs/scheduler.ts';
import { describeOnDatabases } from '../support/harness.ts';

const HOUR = 3_600_000;

/** Periodic jobs run soon after start, so a process restarted more often than hourly still runs them. */
describeOnDatabases('the first run of periodic jobs', (h) => {
  const counting = (id: string, every: number) => {
    const job: Job & { runs: number } = {
      id,
      every,
      runs: 0,
      run: async () => {
        job.runs++;
      },
    };
    return job;
  };
  const schedulerWith = (jobs: Job[], firstRunMs?: number) =>
    createScheduler({
      database: h().database,
      clock: () => h().now(),
      logger: pino({ level: 'silent' }),
      handlers: {},
      jobs,
      firstRunMs,
      intervalMs: 60_000,
    });

  it('runs an hourly job once shortly after start, and not again within its hour', async () => {
    const hourly = counting('test.hourly', HOUR);
    const scheduler = schedulerWith([hourly], 50);
    await scheduler.start();
    try {
      await expect.poll(() => hourly.runs, { timeout: 5_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(hourly.runs).toBe(1);
    } finally {
      await scheduler.stop();
    }
  });

  it('waits its whole interval without a first-run delay, and never runs once stopped', async () => {
    const hourly = counting('test.hourly-plain', HOUR);
    const plain = schedulerWith([hourly]);
    await plain.start();
    const early = counting('test.stopped', HOUR);
    const stopped = schedulerWith([early], 100);
    await stopped.start();
    await stopped.stop();
    await new Promise((r) => setTimeout(r, 400));
    await plain.stop();
    expect(hourly.runs).toBe(0);
    expect(early.runs).toBe(0);
  });
});
