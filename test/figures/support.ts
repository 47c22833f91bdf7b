/**
 * Hand-made ticket logs for the figures' tests: each event written out with its office-local
 * time, so a test can work out every figure by hand from the story it tells.
 */
import type { OfficePolicy } from '../../src/config/office';
import type { RepairKindId } from '../../src/config/office';
import type { Role } from '../../src/people/actors';
import type { ComplaintClass, ComplaintSubject, EmergencyType, TicketEvent } from '../../src/tickets/types';
import type { TicketKind } from '../../src/tickets/reference';
import { testPolicy } from '../support/harness';

/** Office-local (Asia/Shanghai) time, e.g. local('2026-10-31T23:30'). */
export const local = (text: string) => new Date(`${text}:00+08:00`);
const MIN = 60_000;
const HOUR = 60 * MIN;

export function figuresPolicy(): OfficePolicy {
  return testPolicy();
}

export interface TicketSpec {
  kind?: TicketKind;
  /** Office-local 'YYYY-MM-DDTHH:MM'. */
  created: string;
  department?: string;
  building?: string;
  repairKind?: RepairKindId;
  category?: string;
  paid?: boolean;
  anonymous?: boolean;
  subject?: ComplaintSubject;
  emergency?: EmergencyType;
  /** Minutes to respond (default 5) and hours to resolve (default 24). */
  responseMinutes?: number;
  resolutionHours?: number;
}

const STAFF = { id: 601, role: 'staff' as Role, name: '张' };
const RESIDENT = { id: 501, role: 'resident' as Role, name: '爱丽丝' };
const SYSTEM = { id: 0, role: 'system' as Role, name: 'system' };
const HEAD = { id: 801, role: 'head' as Role, name: '王主管' };

/** One ticket's log, written event by event. */
export class TicketLog {
  readonly events: TicketEvent[] = [];
  readonly createdAt: Date;
  readonly resolutionDueAt: Date;
  private closureSeq = 0;
  private rounds = 0;

  constructor(
    readonly ref: string,
    spec: TicketSpec,
  ) {
    const kind = spec.kind ?? 'repair';
    this.createdAt = local(spec.created);
    this.resolutionDueAt = new Date(this.createdAt.getTime() + (spec.resolutionHours ?? 24) * HOUR);
    const dayText = spec.created.slice(0, 10);
    const report =
      kind === 'repair'
        ? {
            description: '坏了', media: [], location: '3栋', atHome: false,
            repairKind: spec.repairKind ?? 'public', category: spec.category ?? 'inspect', visit: { asap: true },
            ...(spec.paid ? { agreedPrice: { amount: 80, unit: '次' } } : {}),
          }
        : { description: '有问题', media: [], location: '', atHome: false };
    const data: Record<string, unknown> = {
      ref,
      kind,
      status: 'open',
      department: spec.department ?? (kind === 'repair' ? 'engineering' : kind === 'emergency' ? 'security' : 'service'),
      priority: kind === 'emergency' ? 'urgent' : 'normal',
      resident: { telegramId: 501, name: '爱丽丝', phone: '+8613812345678', building: spec.building ?? '3', room: '1201', language: 'zh-CN' },
      anonymous: !!spec.anonymous,
      showUnit: !spec.anonymous,
      report,
      createdAt: this.createdAt,
      day: dayText,
      month: dayText.slice(0, 7),
      responseDueAt: new Date(this.createdAt.getTime() + (spec.responseMinutes ?? 5) * MIN),
      resolutionDueAt: this.resolutionDueAt,
      nightIntake: false,
      reopenCount: 0,
    };
    if (kind === 'complaint') data.complaint = { subject: spec.subject ?? 'service', when: '今天', wants: '处理' };
    if (kind === 'emergency') data.emergency = { what: spec.emergency ?? 'flood' };
    this.add('created', spec.created, RESIDENT, { data });
  }

  private add(type: TicketEvent['type'], at: string, actor: TicketEvent['actor'], extra: { text?: string; media?: TicketEvent['media']; data?: object } = {}): this {
    this.events.push({ ref: this.ref, seq: this.events.length + 1, type, at: local(at), actor, ...extra } as TicketEvent);
    return this;
  }

  claim(at: string): this {
    return this.add('claimed', at, STAFF, { data: {} });
  }
  resolve(at: string): this {
    return this.add('resolved', at, STAFF, { text: '好了', media: [], data: { autoConfirmAt: new Date(local(at).getTime() + 72 * HOUR) } });
  }
  confirm(at: string): this {
    this.add('confirmed', at, RESIDENT);
    this.closureSeq = this.events.length;
    return this;
  }
  autoConfirm(at: string): this {
    this.add('auto_confirmed', at, SYSTEM);
    this.closureSeq = this.events.length;
    return this;
  }
  /** "Not solved" by the resident (from resolved). */
  dispute(at: string): this {
    return this.add('reopened', at, RESIDENT, { text: '还是坏的' });
  }
  /** A dissatisfied follow-up reopens the closed ticket. */
  reopenBySurvey(at: string): this {
    return this.add('reopened', at, SYSTEM, { text: '', data: { source: 'survey' } });
  }
  cancel(at: string): this {
    return this.add('cancelled', at, RESIDENT, { text: '不用了' });
  }
  classify(at: string, cls: ComplaintClass, hours = 48): this {
    return this.add('classified', at, HEAD, { data: { class: cls, resolutionDueAt: new Date(this.createdAt.getTime() + hours * HOUR) } });
  }
  escalate(at: string, level: 'head' | 'manager', limit: string): this {
    return this.add('escalated', at, SYSTEM, { data: { limit, level, due: local(at) } });
  }
  remind(at: string): this {
    return this.add('reminded', at, SYSTEM, { data: { limit: 'resolution', level: 'remind' } });
  }
  repeatOf(at: string, of: string): this {
    return this.add('repeat_flagged', at, SYSTEM, { data: { of } });
  }
  note(at: string): this {
    return this.add('note_added', at, STAFF, { text: '备注', media: [], data: { toResident: false } });
  }
  surveySent(at: string, stage: 'first' | 'recheck' = 'first'): this {
    if (stage === 'first') this.rounds++;
    return this.add('survey_sent', at, SYSTEM, { data: { survey: `${this.ref}.${this.closureSeq}`, stage, round: this.rounds } });
  }
  /** Scores are timeliness, attitude, quality (1-5); dissatisfied when any is ≤ 2 or not solved. */
  surveyAnswered(at: string, scores: [number, number, number], solved = true): this {
    const dissatisfied = !solved || scores.some((s) => s <= 2);
    return this.add('survey_answered', at, SYSTEM, {
      data: { survey: `${this.ref}.${this.closureSeq}`, stage: 'first', scores: { timeliness: scores[0], attitude: scores[1], quality: scores[2] }, solved, complete: true, dissatisfied },
    });
  }
  surveyComment(at: string): this {
    return this.add('survey_answered', at, SYSTEM, { text: '谢谢', data: { survey: `${this.ref}.${this.closureSeq}`, part: 'comment' } });
  }
  surveyNoAnswer(at: string): this {
    return this.add('survey_no_answer', at, SYSTEM, { data: { survey: `${this.ref}.${this.closureSeq}`, stage: 'first' } });
  }
}

export const ticket = (ref: string, spec: TicketSpec) => new TicketLog(ref, spec);

/**
 * The office's October 2026 (and its edges), with every figure worked out in test/figures/monthly.test.ts.
 * Response limits are 5 minutes (complaints 20), resolution limits as given.
 */
export function octoberOffice(): Record<string, TicketLog> {
  return {
    // Paid household unblocking: on time throughout, closed first time, surveyed and satisfied (14 of 15 stars).
    t1: ticket('BX-20261005-001', { created: '2026-10-05T10:00', repairKind: 'household', category: 'unblock', paid: true, building: '3' })
      .claim('2026-10-05T10:03').resolve('2026-10-05T15:00').confirm('2026-10-05T16:00')
      .surveySent('2026-10-06T10:00').surveyAnswered('2026-10-06T11:00', [5, 5, 4]).surveyComment('2026-10-06T11:05'),
    // Public-area inspection: claimed late, resolved, disputed, resolved again late, closed; survey unanswered.
    t2: ticket('BX-20261010-001', { created: '2026-10-10T09:00', category: 'inspect', building: '3', resolutionHours: 48 })
      .claim('2026-10-10T09:20').resolve('2026-10-11T10:00').dispute('2026-10-11T12:00').resolve('2026-10-13T10:00').confirm('2026-10-13T11:00')
      .surveySent('2026-10-14T10:00').surveyNoAnswer('2026-10-20T10:00'),
    // Received late on the 31st, closed at 23:30 local on the 31st: October's; its survey goes out on 1 November.
    t3: ticket('BX-20261031-001', { created: '2026-10-31T23:00', category: 'cleaning', department: 'cleaning', building: '5' })
      .claim('2026-10-31T23:02').resolve('2026-10-31T23:20').confirm('2026-10-31T23:30')
      .surveySent('2026-11-01T10:00').surveyAnswered('2026-11-02T09:00', [4, 4, 4]),
    // Received on 30 September at 23:50, answered after midnight (late): September's reception, October's work.
    t4: ticket('BX-20260930-001', { created: '2026-09-30T23:50', category: 'inspect', building: '3' })
      .claim('2026-10-01T00:10').resolve('2026-10-01T09:00').autoConfirm('2026-10-04T09:00'),
    // Anonymous complaint: counted, classified valid, claimed late, closed — never surveyed.
    t5: ticket('TS-20261008-001', { kind: 'complaint', created: '2026-10-08T10:00', subject: 'environment', anonymous: true, building: '5', responseMinutes: 20, resolutionHours: 48 })
      .classify('2026-10-08T11:00', 'valid').claim('2026-10-08T11:10').resolve('2026-10-09T10:00').confirm('2026-10-09T12:00'),
    // Complaint classified "help", then "valid"; a dissatisfied survey reopens it, the rework is late and then satisfies.
    t6: ticket('TS-20261015-001', { kind: 'complaint', created: '2026-10-15T09:00', subject: 'service', building: '7', responseMinutes: 20, resolutionHours: 48 })
      .claim('2026-10-15T09:15').classify('2026-10-15T09:30', 'help', 72).classify('2026-10-15T10:00', 'valid', 48)
      .resolve('2026-10-16T10:00').confirm('2026-10-16T12:00')
      .surveySent('2026-10-17T08:00').surveyAnswered('2026-10-17T08:30', [2, 3, 3]).reopenBySurvey('2026-10-17T08:31')
      .resolve('2026-10-18T10:00').confirm('2026-10-18T11:00')
      .surveySent('2026-10-19T10:00').surveyAnswered('2026-10-19T11:00', [5, 5, 5]),
    // Claimed on time, then cancelled by the resident: counted as received, left out of the rates.
    t7: ticket('BX-20261020-001', { created: '2026-10-20T10:00', repairKind: 'household', category: 'inspect', building: '3' })
      .claim('2026-10-20T10:02').cancel('2026-10-20T11:00'),
    // Emergency from someone without a building: late to respond, the head and then the manager alerted; still open.
    t8: ticket('JJ-20261025-001', { kind: 'emergency', created: '2026-10-25T08:00', building: '' })
      .escalate('2026-10-25T08:05', 'head', 'response').escalate('2026-10-25T08:10', 'manager', 'response').claim('2026-10-25T08:10'),
    // The same inspection again: flagged as a repeat of t2; claimed on time, overdue on its resolution; still open.
    t9: ticket('BX-20261026-001', { created: '2026-10-26T09:00', category: 'inspect', building: '3' })
      .repeatOf('2026-10-26T09:01', 'BX-20261010-001').claim('2026-10-26T09:04').remind('2026-10-27T04:00').escalate('2026-10-27T09:00', 'head', 'resolution').note('2026-10-27T10:00'),
    // Inquiry: answered on time, resolved late, closed; not drawn for a survey.
    t10: ticket('ZX-20261027-001', { kind: 'inquiry', created: '2026-10-27T10:00', building: '5' })
      .claim('2026-10-27T10:01').resolve('2026-10-29T10:00').confirm('2026-10-29T11:00'),
  };
}
