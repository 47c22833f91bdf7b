/** Placeholder: being written (issue 4). */
import { Composer } from 'grammy';
import type { BotContext } from '../context';
import type { Notifier } from '../notify';

export function inquiriesFeature(notifier: Notifier): Composer<BotContext> {
  void notifier;
  return new Composer<BotContext>();
}
