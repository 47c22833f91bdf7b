/** Source of the current time; injected so that deadlines and schedules can be tested. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/** Test/injectable clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  /** Returns a fresh Date so callers cannot mutate the clock through it. */
  now(): Date {
    return new Date(this.current);
  }

  set(d: Date): void {
    this.current = d.getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
