/**
 * Wiring of the follow-up work: the jobs for the scheduler, and the answers service the
 * survey buttons use — both on the same services. What they cause is told by the core
 * (src/reactions) from the events they record.
 */
import { AutoConfirmJob } from '../../src/followups/autoConfirm';
import { SurveyAnswers } from '../../src/followups/answers';
import { ClosureWatcher } from '../../src/followups/closures';
import type { FollowupDeps } from '../../src/followups/deps';
import { RepeatDetector } from '../../src/followups/repeats';
import type { RandomSource } from '../../src/followups/sampling';
import { SurveySender } from '../../src/followups/sender';
import type { Job } from '../../src/jobs/scheduler';
import type { AppServices } from '../context';

export interface FollowupWork {
  autoConfirm: AutoConfirmJob;
  closures: ClosureWatcher;
  surveys: SurveySender;
  repeats: RepeatDetector;
  answers: SurveyAnswers;
  /** One pass of every job in order, as a scheduler tick does. */
  tick(): Promise<void>;
}

export function followupDeps(services: AppServices, random?: RandomSource): FollowupDeps {
  const { policy, clock, tickets, log, db } = services;
  return { models: db, clock, policy, tickets, log, random };
}

export function createFollowupWork(options: { services: AppServices; random?: RandomSource }): FollowupWork {
  const deps = followupDeps(options.services, options.random);
  const work = {
    autoConfirm: new AutoConfirmJob(deps),
    closures: new ClosureWatcher(deps),
    surveys: new SurveySender(deps),
    repeats: new RepeatDetector(deps),
    answers: new SurveyAnswers(deps),
  };
  return {
    ...work,
    async tick() {
      for (const job of jobsOf(work)) await job.run();
    },
  };
}

/**
 * In this order, so one tick carries a closure through: auto-confirm closes, the closure
 * watcher decides its follow-up (and tells the resident of the auto-confirmation), the sender
 * sends what is due; repeat detection is independent.
 */
function jobsOf(work: Pick<FollowupWork, 'autoConfirm' | 'closures' | 'surveys' | 'repeats'>): Job[] {
  return [
    { name: 'auto-confirm', run: () => work.autoConfirm.tick() },
    { name: 'followup-closures', run: () => work.closures.tick() },
    { name: 'followup-surveys', run: () => work.surveys.tick() },
    { name: 'repeat-reports', run: () => work.repeats.tick() },
  ];
}

/** The scheduler's jobs for auto-confirmation, follow-up surveys and repeat detection. */
export function createFollowupJobs(options: { services: AppServices; random?: RandomSource }): Job[] {
  return jobsOf(createFollowupWork(options));
}
