/** What a failed Bot API call means for an outbox item: wait and retry, or give up. */
import { GrammyError, HttpError } from 'grammy';
import type { Outcome } from '../../src/outbox/types';

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}

export function isForbidden(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

/**
 * 429: after Telegram's retry_after (not counted as a failure); 5xx and network errors:
 * with backoff; 403: given up, and a person (positive chat id) is recorded as unreachable;
 * other refusals (400: chat not found, bad request): given up. Anything else is rethrown:
 * the dispatcher retries it with backoff as an unknown error.
 */
export function outcomeOfError(error: unknown, chatId: number): Outcome {
  if (error instanceof GrammyError) {
    const description = `${error.error_code} ${error.description}`;
    if (error.error_code === 429) {
      return { type: 'retry', afterMs: (error.parameters?.retry_after ?? 5) * 1000, counts: false, error: description, pauseChat: chatId };
    }
    if (error.error_code >= 500) return { type: 'retry', afterMs: 0, counts: true, error: description };
    if (error.error_code === 403) return { type: 'failed', error: description, ...(chatId > 0 ? { unreachable: chatId } : {}) };
    return { type: 'failed', error: description };
  }
  if (error instanceof HttpError) return { type: 'retry', afterMs: 0, counts: true, error: `network: ${error.message}` };
  throw error;
}
