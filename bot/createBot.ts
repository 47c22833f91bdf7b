/**
 * The bot factory: plugins, the features in order, the error boundary. No side effects on
 * import; main.ts and the tests each build their own with their own services.
 */
import { Bot, type BotConfig, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import type { AppServices, BotContext } from './context';
import { general } from './features/general';
import { resident } from './features/resident';
import { residentAnswers } from './features/residentAnswers';
import { staffFeature } from './features/staff';
import { mainMenu } from './keyboards';
import { Notifier } from './notify';
import { createOutbox } from './outbox';
import { pickLanguage } from './texts';
import { createRepairScene } from '../scenes/repair';
import { createProfileScene } from '../scenes/registration';
import { createResolveScene } from '../scenes/resolve';
import { createDisputeReasonScene } from '../scenes/disputeReason';
import { createComplaintScene } from '../scenes/complaint';
import { createEmergencyScene } from '../scenes/emergency';
import { createInquiryScene } from '../scenes/inquiry';
import { createAnswerScene } from '../scenes/answer';
import { createAddInfoScene } from '../scenes/addInfo';
import { createCancelTicketScene } from '../scenes/cancelTicket';
import { createStaffInputScene } from '../scenes/staffInput';
import { createInternalTaskScene } from '../scenes/internalTask';
import { internalTasksFeature } from './features/internalTasks';
import { complaintsFeature } from './features/complaints';
import { inquiriesFeature } from './features/inquiries';
import { myTicketsFeature } from './features/myTickets';
import { staffActionsFeature } from './features/staffActions';
import { staffCommandsFeature } from './features/staffCommands';
import { limitsFeature } from './limits/feature';
import { surveysFeature } from './followups/feature';
import { figuresFeature } from './figures/feature';
import { dashboardFeature, type DashboardLinks } from './dashboard/feature';
import type { SceneDeps } from '../scenes/support/deps';
import { floodLimit } from './middleware/flood';
import { oneAtATimePerChatAndUser } from './middleware/sequential';
import { groupMigrationWatch } from './middleware/migration';
import { databaseOutageGuard } from './middleware/outage';
import { isDatabaseUnavailable } from '../src/db/health';

/**
 * How long notices written during an update wait for it to finish before the running
 * dispatcher may take them (the update sends them itself as soon as its answer is out; this
 * only matters when the process stops in between).
 */
const REPLY_FIRST_HOLD = 5000;

/** Conversation states are stored under this prefix and the chat id. */
const SCENE_PREFIX = 'scene:';

export interface CreateBotOptions {
  token: string;
  services: AppServices;
  /** Another Bot API server (a local one, or the tests' fake). */
  apiRoot?: string;
  /** Skips getMe at start when known. */
  botInfo?: UserFromGetMe;
  /** Bump when a scene changes so much that stored half-finished states no longer fit. */
  sceneVersion?: number;
  /** Installed on bot.api before auto-retry, so they see every attempt (e.g. bot/apiHealth.ts). */
  apiTransformers?: Transformer[];
  /** Sign-in links to the web dashboard (absent: /dashboard says it is not switched on). */
  dashboard?: DashboardLinks;
}

export interface HelpdeskBot {
  bot: Bot<BotContext>;
  notifier: Notifier;
}

export function createBot(options: CreateBotOptions): HelpdeskBot {
  const { services } = options;
  const apiRoot = options.apiRoot ? { apiRoot: options.apiRoot } : {};
  // The outbox first: its limiter also paces interactive replies (ctx.reply, scenes), which go
  // out directly but count against Telegram's limits before any queued survey. A client
  // `fetch` reaches conversations' own Api objects too, where a transformer would not.
  let bot: Bot<BotContext> | undefined;
  const outbox = createOutbox({ services, token: options.token, client: apiRoot, botUsername: () => bot?.botInfo.username ?? '' });
  const config: BotConfig<BotContext> = { botInfo: options.botInfo, client: { ...apiRoot, fetch: outbox.interactiveFetch } };
  bot = new Bot<BotContext>(options.token, config);
  if (options.apiTransformers) bot.api.config.use(...options.apiTransformers);
  // The bot's Api is the handlers' (ctx.api copies it): a long 429 is not slept inside an update.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: outbox.policy.handlerRetryMax / 1000 }));
  const notifier = new Notifier(outbox);
  const deps: SceneDeps = { services };

  // Runtime guards (bot/middleware/), in this order: a flood is dropped before it costs
  // anything; then one update at a time per chat and per person (before conversations);
  // while the database is away the sender is told so at once (nothing below runs or is kept);
  // a staff group that became a supergroup is logged with its new id.
  bot.use(floodLimit(services));
  bot.use(oneAtATimePerChatAndUser());
  bot.use(databaseOutageGuard(services));
  bot.use(groupMigrationWatch(services));

  // Before anything runs, the update needs three independent things from the database: its
  // record (the same update delivered twice must not create anything twice), the sender's
  // language (private chats; cached per process) and the chat's conversation state. They are
  // asked for at once; only reads run before the record is known to be new, and a redelivered
  // update stops here as before.
  //
  // No AsyncLocalStorage here or below: on Node 20 one active store switches on promise hooks
  // for the whole process, which cost a third of every update's CPU and the jobs' as well
  // (bench: per update). What an update keeps aside is keyed instead by what the sequential
  // middleware above guarantees has one update at a time: its chat, and its sender.
  const store = services.conversations;
  const prefetched = new Map<string, Promise<unknown>>();
  bot.use(async (ctx, next) => {
    const sceneKey = ctx.chatId === undefined ? undefined : SCENE_PREFIX + ctx.chatId.toString(); // the key the plugin asks for (see storage below)
    const sender = ctx.chat?.type === 'private' && ctx.from ? ctx.from : undefined;
    const state = sceneKey === undefined ? undefined : store.read(sceneKey);
    const [first, stored] = await Promise.all([
      services.updates.firstTime(ctx.update.update_id),
      sender ? services.residents.language(sender.id) : undefined,
      state,
    ]);
    if (!first) return;
    ctx.lang = sender ? pickLanguage(stored, sender.language_code, services.policy.language) : services.policy.language;
    if (sceneKey === undefined || state === undefined) return next();
    prefetched.set(sceneKey, state);
    try {
      await next();
    } finally {
      prefetched.delete(sceneKey);
    }
  });

  // What an update's events cause (cards, the resident's updates, alerts) is written with the
  // events and held back until the update's own answer is out — the resident in the lift
  // reads what to do before the alerts go — then sent in the background, never awaited here.
  // An update's events are its sender's actions, so its batch is found by the actor's id.
  const batchOf = new Map<number, { id: string; chatId: number }[]>();
  const batchFor = (actorId?: number) => (actorId === undefined ? undefined : batchOf.get(actorId));
  services.reactor.holdMs = (actorId) => (batchFor(actorId) ? REPLY_FIRST_HOLD : 0);
  services.reactor.onWritten = (written, actorId) => {
    const batch = batchFor(actorId);
    if (batch) batch.push(...written);
    else outbox.sendSoon(written);
  };
  bot.use(async (ctx, next) => {
    const sender = ctx.from?.id;
    if (sender === undefined) return next();
    const batch: { id: string; chatId: number }[] = [];
    batchOf.set(sender, batch);
    try {
      await next();
    } finally {
      batchOf.delete(sender);
      if (batch.length > 0) outbox.sendSoon(batch);
    }
  });

  bot.use(async (ctx, next) => {
    ctx.services = services;
    ctx.log = services.log.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id, userId: ctx.from?.id });
    ctx.t = (key, args) => services.texts.t(ctx.lang, key, args);
    await next();
  });

  bot.use(
    conversations<BotContext, BotContext>({
      storage: {
        type: 'key',
        version: options.sceneVersion ?? 1,
        prefix: SCENE_PREFIX,
        getStorageKey: (ctx) => ctx.chatId?.toString(),
        adapter: {
          // The state read with the update's record, once; any later read goes to the database.
          read: (key) => {
            const state = prefetched.get(key);
            if (state) prefetched.delete(key);
            return (state ?? store.read(key)) as never;
          },
          write: (key, state) => store.write(key, state), delete: (key) => store.delete(key) },
      },
    }),
  );

  // A database outage is not the scene's fault: it goes up to the outage guard, which tells the sender.
  const scenes = bot.errorBoundary(async (error) => {
    const ctx = error.ctx;
    if (isDatabaseUnavailable(error.error)) throw error.error;
    ctx.log.error({ err: error.error }, 'scene failed');
    if (ctx.chat?.type === 'private') {
      await ctx.reply(ctx.t('error-generic'), { parse_mode: 'HTML', reply_markup: mainMenu(services.texts, ctx.lang) }).catch(() => undefined);
    }
  });
  scenes.use(createConversation(createRepairScene(deps) as never, 'repair'));
  scenes.use(createConversation(createProfileScene(deps) as never, 'profile'));
  scenes.use(createConversation(createResolveScene(deps) as never, 'resolve'));
  scenes.use(createConversation(createDisputeReasonScene(deps) as never, 'disputeReason'));
  scenes.use(createConversation(createComplaintScene(deps) as never, 'complaint'));
  scenes.use(createConversation(createEmergencyScene(deps) as never, 'emergency'));
  scenes.use(createConversation(createInquiryScene(deps) as never, 'inquiry'));
  scenes.use(createConversation(createAnswerScene(deps) as never, 'answer'));
  scenes.use(createConversation(createAddInfoScene(deps) as never, 'addInfo'));
  scenes.use(createConversation(createCancelTicketScene(deps) as never, 'cancelTicket'));
  scenes.use(createConversation(createStaffInputScene(deps) as never, 'staffInput'));
  scenes.use(createConversation(createInternalTaskScene(deps) as never, 'internalTask'));

  const features = bot.errorBoundary(async (error) => {
    const ctx = error.ctx;
    if (isDatabaseUnavailable(error.error)) throw error.error;
    ctx.log.error({ err: error.error }, 'handler failed');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.services.texts.plain(ctx.lang, 'error-generic-short') }).catch(() => undefined);
    else if (ctx.chat?.type === 'private') await ctx.reply(ctx.t('error-generic'), { parse_mode: 'HTML' }).catch(() => undefined);
  });
  // Order matters: staff deep links and card buttons before the resident's /start and menu.
  features.use(general);
  features.use(staffFeature());
  features.use(staffActionsFeature());
  features.use(complaintsFeature());
  features.use(inquiriesFeature());
  features.use(staffCommandsFeature());
  features.use(internalTasksFeature());
  features.use(residentAnswers());
  features.use(myTicketsFeature());
  features.use(limitsFeature());
  features.use(surveysFeature());
  features.use(figuresFeature());
  features.use(dashboardFeature(options.dashboard));
  features.use(resident);
  // Any other button (an old keyboard, forged data): stop the spinner and say so.
  features.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.services.texts.plain(ctx.lang, 'scene-old-button') }));

  bot.catch((error) => {
    services.log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'unhandled error');
  });
  return { bot, notifier };
}
