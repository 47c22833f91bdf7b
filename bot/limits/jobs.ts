/**
 * The time-limit jobs for the scheduler. main.ts:
 *   const scheduler = new Scheduler([handoverJob, ...createLimitJobs(services)], log, policy.scheduler.cron);
 */
import type { Job } from '../../src/jobs/scheduler';
import { LimitAlertJob, NoProgressReleaseJob, ReannounceJob, WeeklyProgressJob, type LimitJobDeps } from '../../src/limits/jobs';
import { timeLimitsPolicy } from '../../src/limits/settings';
import { LimitStore } from '../../src/limits/store';
import type { AppServices } from '../context';
import { limitRecords } from './notices';

export const LIMIT_JOB_NAMES = ['limits:alerts', 'limits:reannounce', 'limits:no-progress', 'limits:weekly-progress'] as const;

export function createLimitJobs(services: AppServices): Job[] {
  const settings = timeLimitsPolicy(services.policy);
  const deps: LimitJobDeps = {
    models: services.db,
    clock: services.clock,
    policy: services.policy,
    settings,
    tickets: services.tickets,
    records: limitRecords(services, settings),
    log: services.log,
    store: new LimitStore(services.db),
  };
  const jobs = [new LimitAlertJob(deps), new ReannounceJob(deps), new NoProgressReleaseJob(deps), new WeeklyProgressJob(deps)];
  return jobs.map((job, i) => ({ name: LIMIT_JOB_NAMES[i], run: () => job.run() }));
}
