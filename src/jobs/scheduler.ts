/**
 * The scheduler: node-cron ticks (once a minute by default, seconds in tests) run the work
 * that is due. Ticks never overlap; stop() waits for the tick in flight.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { DatabaseWatch } from '../db/health';

export interface Job {
  name: string;
  run(): Promise<unknown>;
}

export interface SchedulerLogger {
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export class Scheduler {
  private task?: ScheduledTask;
  private inFlight?: Promise<void>;

  constructor(
    private readonly jobs: Job[],
    private readonly log: SchedulerLogger,
    private readonly cronExpression = '* * * * *',
    /** While the database is away ticks are skipped; the jobs catch up on the first tick after (each works from what is due). */
    private readonly database?: DatabaseWatch,
  ) {}

  /** One pass over every job; a failing job is logged and does not stop the others. */
  async tick(): Promise<void> {
    for (const job of this.jobs) {
      if (this.database?.down) return;
      try {
        const result = await job.run();
        this.log.debug({ job: job.name, result }, 'job ran');
      } catch (error) {
        if (!this.database?.failed(error)) this.log.error({ err: error, job: job.name }, 'job failed');
      }
    }
  }

  start(): void {
    this.task = cron.schedule(this.cronExpression, () => {
      if (this.inFlight) return; // the previous tick is still running
      this.inFlight = this.tick().finally(() => {
        this.inFlight = undefined;
      });
    });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.inFlight;
  }
}
