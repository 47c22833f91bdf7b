/**
 * An inquiry or suggestion (咨询 / 建议), kept quick: the question, one optional photo, done.
 * Registration comes first for a resident without a profile, as for every non-emergency report.
 */
import type { Context } from 'grammy';
import { residentActor } from '../src/people/actors';
import { contactOf } from '../src/people/residents';
import type { Media, ResidentContact } from '../src/tickets/types';
import { ask, askText, choiceKeyboard, type Kit, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';
import { registrationFlow } from './registration';
import { submitTicket } from './support/submit';

/** One photo (or video) or "Skip": the first one sent ends the question, no "Done" needed. */
export async function askOnePhoto(kit: Kit, ctx: Context, question: string): Promise<Media[]> {
  const markup = choiceKeyboard([{ value: 'skip', label: kit.t('btn-skip') }]);
  return ask<Media[]>(kit, ctx, { text: question, markup }, (update, choice) => {
    if (choice === 'skip') return { value: [] };
    if (choice !== undefined) return { retry: 'scene-old-button' };
    const photos = update.message?.photo;
    if (photos && photos.length > 0) return { value: [{ type: 'photo', fileId: photos[photos.length - 1].file_id }] };
    const video = update.message?.video;
    if (video) return { value: [{ type: 'video', fileId: video.file_id }] };
    if (update.message?.document) return { retry: 'media-document' };
    return { retry: 'inquiry-photo-want' };
  });
}

export function createInquiryScene(deps: SceneDeps) {
  const { policy } = deps.services;
  return async function inquiry(conversation: SceneConversation, ctx: Context): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    let profile = await conversation.external(() => deps.services.residents.get(userId));
    if (!profile?.registered) profile = await registrationFlow(kit, ctx, deps, profile);

    const question = (await askText(kit, ctx, kit.t('inquiry-ask-question'), { minLength: 2 })).text!;
    const media = policy.limits.maxMedia > 0 ? await askOnePhoto(kit, ctx, kit.t('inquiry-ask-photo')) : [];

    const contact: ResidentContact = contactOf(profile, kit.lang);
    await submitTicket(kit, ctx, deps, () => deps.services.tickets.createInquiry(contact, { question, media }, residentActor(userId, contact.name)));
  };
}
