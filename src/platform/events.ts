/**
 * Domain events inside one unit of work: a module says what happened (`ctx.emit`), and the
 * modules that care react in the same unit — so in the same transaction, all or nothing — without
 * the first knowing them. (Correcting a source's name withdraws the published verdicts that name
 * it as claimant, and the case file knows nothing of claims.)
 */
import type { Context } from './context.ts';

/**
 * Event name → payload. Each module adds the events it emits by interface merging
 * (`declare module '#src/platform/events.ts' { interface DomainEvents { ... } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules that emit events
export interface DomainEvents {}

export type EventName = Extract<keyof DomainEvents, string>;

/** What a module does when events happen, by event name. */
export type EventHandlers = { [E in EventName]?: (ctx: Context, event: DomainEvents[E]) => Promise<void> };

/** Every module's handlers, in module order. */
export class EventBus {
  private readonly handlers = new Map<string, ((ctx: Context, event: unknown) => Promise<void>)[]>();

  constructor(all: Iterable<EventHandlers>) {
    for (const handlers of all) {
      for (const [name, handler] of Object.entries(handlers) as [
        string,
        (ctx: Context, event: unknown) => Promise<void>,
      ][]) {
        this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
      }
    }
  }

  async emit(ctx: Context, name: string, event: unknown): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await handler(ctx, event);
  }
}
