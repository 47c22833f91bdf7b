/** What every piece of the follow-up work is built from; main.ts and tests inject the same. */
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import type { DomainLogger, TicketService } from '../tickets/service';
import type { RandomSource } from './sampling';

export interface FollowupDeps {
  models: Models;
  clock: Clock;
  policy: OfficePolicy;
  tickets: TicketService;
  log: DomainLogger;
  /** Math.random unless a test seeds it. */
  random?: RandomSource;
}
