/**
 * An internal task (内部工作任务), filed by a staff member for a department: which department,
 * what kind of work, where (a building and unit, or the place in words), what, photos, then
 * a summary to confirm, edit or cancel. The card and the filer's updates follow from the core.
 */
import type { Context } from 'grammy';
import { departmentById } from '../src/config/office';
import type { Actor } from '../src/people/actors';
import { buildingOfPlace, OTHER_TASK_CATEGORY, taskCategories } from '../src/tasks/categories';
import type { TaskInput } from '../src/tickets/creation';
import { mayFileTask } from '../src/tickets/rules';
import type { Media, ResidentContact } from '../src/tickets/types';
import { renderAccepted } from '../bot/render/resident';
import { askChoice, askText, type Choice, type Kit, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';
import { askMedia } from './support/media';

interface Draft {
  department?: string;
  category?: string;
  location?: string;
  description?: string;
  media: Media[];
}

const HTML = { parse_mode: 'HTML' as const };

export function createInternalTaskScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;
  const maxMedia = policy.limits.maxMedia;

  function departmentLabel(kit: Kit, id: string): string {
    return departmentById(policy, id)?.name[kit.lang] ?? id;
  }

  function categoryLabel(kit: Kit, draft: Draft): string {
    const found = taskCategories(policy, draft.department!).find((c) => c.category === draft.category);
    return found ? found.name[kit.lang] : texts.plain(kit.lang, 'task-category-other');
  }

  async function askDepartment(kit: Kit, ctx: Context): Promise<string> {
    const choices: Choice[] = policy.departments.map((d) => ({ value: d.id, label: d.name[kit.lang] }));
    return askChoice(kit, ctx, kit.t('task-ask-department'), choices);
  }

  /** The department's categories and "other"; undefined when the filer goes back to the departments. */
  async function askCategory(kit: Kit, ctx: Context, department: string): Promise<string | undefined> {
    const choices: Choice[] = taskCategories(policy, department).map((c) => ({ value: c.category, label: c.name[kit.lang] }));
    choices.push({ value: OTHER_TASK_CATEGORY, label: texts.plain(kit.lang, 'task-category-other') }, { value: '_back', label: kit.t('btn-back') });
    const picked = await askChoice(kit, ctx, kit.t('task-ask-category', { department: departmentLabel(kit, department) }), choices);
    return picked === '_back' ? undefined : picked;
  }

  async function askDepartmentAndCategory(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    for (;;) {
      const department = await askDepartment(kit, ctx);
      const category = await askCategory(kit, ctx, department);
      if (category === undefined) continue;
      draft.department = department;
      draft.category = category;
      return;
    }
  }

  async function askPlace(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.location = (await askText(kit, ctx, kit.t('task-ask-place'), { minLength: 2 })).text!;
  }

  async function askDescription(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.description = (await askText(kit, ctx, kit.t('task-ask-description'), { minLength: 2 })).text!;
  }

  async function askPhotos(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.media = maxMedia > 0 ? await askMedia(kit, ctx, kit.t('task-ask-media', { max: maxMedia }), maxMedia) : [];
  }

  function summary(kit: Kit, draft: Draft): string {
    return kit.t('task-summary', {
      department: departmentLabel(kit, draft.department!),
      category: categoryLabel(kit, draft),
      location: draft.location!,
      description: draft.description!,
      count: draft.media.length,
    });
  }

  /** The filer's department when they belong to exactly one (a shared staff group says nothing). */
  function homeDepartment(actor: Actor): string | undefined {
    const mine = policy.departments.filter((d) => actor.headOf.includes(d.id) || actor.chats.includes(d.chat.chatId));
    return mine.length === 1 ? mine[0].id : undefined;
  }

  function inputOf(draft: Draft, actor: Actor): TaskInput {
    const chosen = taskCategories(policy, draft.department!).find((c) => c.category === draft.category);
    const place = buildingOfPlace(draft.location!);
    const from = homeDepartment(actor);
    return {
      department: draft.department!,
      ...(chosen?.repairKind ? { repairKind: chosen.repairKind } : {}),
      category: chosen?.category ?? OTHER_TASK_CATEGORY,
      location: draft.location!,
      description: draft.description!,
      media: draft.media,
      details: { ...(from ? { fromDepartment: from } : {}), ...(place ?? {}) },
    };
  }

  return async function internalTask(conversation: SceneConversation, ctx: Context): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const from = ctx.from!;
    // Checked again here: the way in may have been an old button or link.
    const actor = await conversation.external(() => deps.services.staff.actorFor({ id: from.id, firstName: from.first_name, username: from.username }));
    if (!mayFileTask(actor)) return void (await ctx.reply(kit.t('task-refuse-resident'), HTML));

    const draft: Draft = { media: [] };
    await askDepartmentAndCategory(kit, ctx, draft);
    await askPlace(kit, ctx, draft);
    await askDescription(kit, ctx, draft);
    await askPhotos(kit, ctx, draft);

    for (;;) {
      const action = await askChoice(kit, ctx, summary(kit, draft), [
        { value: 'confirm', label: kit.t('btn-confirm') },
        { value: 'edit', label: kit.t('btn-edit') },
        { value: 'cancel', label: kit.t('btn-cancel') },
      ], 3);
      if (action === 'cancel') return void (await ctx.reply(kit.t('scene-cancelled'), HTML));
      if (action === 'confirm') break;
      const field = await askChoice(kit, ctx, kit.t('repair-ask-field'), [
        { value: 'department', label: kit.t('task-field-department') },
        { value: 'category', label: kit.t('field-category') },
        { value: 'location', label: kit.t('field-location') },
        { value: 'description', label: kit.t('field-description') },
        { value: 'media', label: kit.t('field-media') },
      ]);
      if (field === 'department') await askDepartmentAndCategory(kit, ctx, draft);
      if (field === 'category') draft.category = (await askCategory(kit, ctx, draft.department!)) ?? draft.category;
      if (field === 'location') await askPlace(kit, ctx, draft);
      if (field === 'description') await askDescription(kit, ctx, draft);
      if (field === 'media') await askPhotos(kit, ctx, draft);
    }

    const filer: ResidentContact = { telegramId: from.id, name: from.first_name, phone: '', building: '', room: '', language: kit.lang };
    // Once, inside `external`: a replay after a restart does not file it again.
    const accepted = await conversation.external(async () =>
      renderAccepted(await deps.services.tickets.createTask(filer, inputOf(draft, actor), actor), policy, texts, kit.lang),
    );
    await ctx.reply(accepted, HTML);
  };
}
