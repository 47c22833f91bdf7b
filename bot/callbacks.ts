/**
 * Compact callback data (Telegram allows 64 bytes): `<scope>:<action>:<ref>[:<arg>]`.
 * tk = staff card actions, rs = resident answers, my = the resident's "My tickets",
 * sc = a choice inside the current scene. The longest, `tk:cls:TS-20261122-1234:venting`,
 * is 31 bytes.
 */
export type StaffCallbackAction =
  | 'claim' // 接单
  | 'arr' // arrived
  | 'res' // resolve (in the group: sends the staff member to the private chat)
  | 'rsp' // resolve, in the private chat
  | 'note' // add a note or photo
  | 'rsch' // reschedule / waiting for parts
  | 'tr' // transfer (arg: department id)
  | 'rel' // release back to the pool
  | 'ra' // reassign (arg: staff user id)
  | 'cls' // classify a complaint (arg: class)
  | 'ans' // answer an inquiry
  | 'dup' // duplicate of… (typed in the private chat)
  | 'pub'; // public notice 公告 to everyone affected (typed in the private chat)
export type ResidentCallbackAction = 'ok' | 'no';

import { REF_SOURCE } from '../src/tickets/reference';

const REF = `(${REF_SOURCE})`;

export const staffData = (action: StaffCallbackAction, ref: string, arg?: string | number) =>
  arg === undefined ? `tk:${action}:${ref}` : `tk:${action}:${ref}:${arg}`;
export const residentData = (action: ResidentCallbackAction, ref: string) => `rs:${action}:${ref}`;
export const myData = (action: string, ref?: string, arg?: string | number) =>
  ['my', action, ref, arg].filter((p) => p !== undefined).join(':');
export const sceneData = (value: string) => `sc:${value}`;

/** Groups: 1 action, 2 ref, 3 optional argument. */
export const STAFF_CALLBACK = new RegExp(`^tk:([a-z]+):${REF}(?::([\\w-]{1,24}))?$`);
export const RESIDENT_CALLBACK = new RegExp(`^rs:(ok|no):${REF}$`);

export function staffCallback(action: StaffCallbackAction): RegExp {
  return new RegExp(`^tk:${action}:${REF}(?::([\\w-]{1,24}))?$`);
}

/** Callbacks that belong to tickets and menus, not to whatever scene is open in that chat. */
export function isTicketCallback(data: string | undefined): boolean {
  return !!data && /^(tk|rs|my|fu|lim):/.test(data);
}
