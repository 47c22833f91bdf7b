/**
 * The `emergencies` section of the office policy: when a second emergency from the same
 * resident is first questioned, and how many a person without a profile may raise per hour.
 * Both stop one person from alerting every group, head and manager again and again; neither
 * adds a tap to a first emergency.
 */
import { z } from 'zod';
import { duration } from '../config/schemaParts';

export interface EmergencyPolicy {
  /** A resident with an open emergency reported within this (ms) is asked whether a new one is really new. */
  repeatWindow: number;
  /** Emergencies one person without a profile may raise within an hour; the next is refused with the phone numbers. */
  unregisteredPerHour: number;
}

export const DEFAULT_EMERGENCIES: EmergencyPolicy = { repeatWindow: 30 * 60_000, unregisteredPerHour: 2 };

export const emergenciesSchema = z.strictObject({
  repeatWindow: duration(0).optional(),
  unregisteredPerHour: z.number().int().min(1).optional(),
});
