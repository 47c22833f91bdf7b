/**
 * A month's report for one reader: the figures of the month and of the month before, for
 * the office and every department, counted by the database (two scans: one per month), then
 * rendered as the message and the CSV in the reader's language.
 */
import { InputFile } from 'grammy';
import type { Lang, OfficePolicy } from '../../src/config/office';
import { countFacts, figuresFromRows, previousMonth } from '../../src/figures/monthly';
import { FactStore } from '../../src/figures/store';
import type { Actor } from '../../src/people/actors';
import type { AppServices } from '../context';
import { renderFiguresCsv, renderFiguresMessage, type FiguresView } from './render';

export interface FiguresReport {
  text: string;
  csv: string;
  filename: string;
}

/** Who reads the figures: the manager(s) and the department heads. */
export function mayReadFigures(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'manager' || actor.role === 'head';
}

/** The departments a reader sees first: those they head (a manager who also heads one, that one). */
export function firstDepartments(policy: OfficePolicy, userId: number): string[] {
  return policy.departments.filter((d) => d.heads.includes(userId)).map((d) => d.id);
}

export async function loadFiguresView(services: AppServices, month: string, first: string[], asOf?: Date): Promise<FiguresView> {
  const { policy } = services;
  const store = new FactStore(services.db, policy);
  const before = previousMonth(month);
  const [rows, previousRows] = [await countFacts(store, month), await countFacts(store, before)];
  const compared = (department?: string) => ({
    current: figuresFromRows(rows, policy, month, { department }),
    previous: figuresFromRows(previousRows, policy, before, { department }),
  });
  return {
    month,
    ...(asOf ? { asOf } : {}),
    office: compared(),
    departments: policy.departments.map((d) => ({ id: d.id, ...compared(d.id) })),
    first,
  };
}

export async function buildFiguresReport(services: AppServices, month: string, reader: { id: number; lang: Lang }, asOf?: Date): Promise<FiguresReport> {
  const { policy, texts } = services;
  const view = await loadFiguresView(services, month, firstDepartments(policy, reader.id), asOf);
  return {
    text: renderFiguresMessage(view, policy, texts, reader.lang),
    csv: renderFiguresCsv(view, policy, texts, reader.lang),
    filename: `figures-${month}.csv`,
  };
}

export function csvFile(report: FiguresReport): InputFile {
  return new InputFile(Buffer.from(report.csv, 'utf8'), report.filename);
}
