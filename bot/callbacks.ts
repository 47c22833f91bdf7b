/**
 * Compact callback data (Telegram allows 64 bytes): `<scope>:<action>:<ref>`.
 * tk = staff card actions, rs = resident answers, sc = a choice inside the current scene.
 */
export type StaffAction = 'claim' | 'arr' | 'res' | 'rsp';
export type ResidentAction = 'ok' | 'no';

export const staffData = (action: StaffAction, ref: string) => `tk:${action}:${ref}`;
export const residentData = (action: ResidentAction, ref: string) => `rs:${action}:${ref}`;
export const sceneData = (value: string) => `sc:${value}`;

export const STAFF_CALLBACK = /^tk:(claim|arr|res|rsp):([A-Z]{2}-\d{8}-\d{3,})$/;
export const RESIDENT_CALLBACK = /^rs:(ok|no):([A-Z]{2}-\d{8}-\d{3,})$/;

/** Callbacks that belong to tickets, not to whatever scene is open in that chat. */
export function isTicketCallback(data: string | undefined): boolean {
  return !!data && (STAFF_CALLBACK.test(data) || RESIDENT_CALLBACK.test(data));
}
