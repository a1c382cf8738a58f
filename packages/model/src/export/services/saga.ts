import type { PlanCommand, PlanEvent } from '../plan.ts';
import type { ServicePlan, ServicesPlan } from './service-plan.ts';

/** One step of a saga as the in-process bus runs it: an event published, or a policy sending a command. */
export type SagaStep =
  | { readonly kind: 'event'; readonly event: PlanEvent }
  | { readonly kind: 'policy'; readonly text: string; readonly command: PlanCommand };

export interface Saga {
  readonly entry: PlanCommand;
  readonly service: ServicePlan;
  /** The events published, in the order the bus publishes them. */
  readonly events: readonly PlanEvent[];
  readonly steps: readonly SagaStep[];
}

/** A saga that runs longer than this is a loop on the board (a policy answering its own events). */
const MAX_EVENTS = 60;

interface Consumer {
  readonly routes: ReadonlySet<PlanEvent>;
  readonly deliver: (event: PlanEvent) => { text: string; commands: PlanCommand[] } | undefined;
}

/**
 * What the scaffolded services do, run as the in-process bus runs them (deliveries in publish order, one
 * at a time; subscriptions in the order services subscribe): the expectations of the generated saga tests.
 * Entries are the commands no policy sends (an actor's). Undefined for one that loops.
 */
export function sagas(services: ServicesPlan): Saga[] {
  const consumers: Consumer[] = [];
  for (const service of services.services) {
    for (const policy of service.policies) {
      const triggers = new Set(policy.triggers);
      consumers.push({
        routes: new Set([...policy.triggers, ...policy.failures]),
        // Compensations are scaffolded empty: a failure event sends nothing.
        deliver: (event) =>
          triggers.has(event)
            ? { text: policy.policy.element.text, commands: policy.commands.map((c) => c.command) }
            : undefined,
      });
    }
    for (const readModel of service.readModels)
      consumers.push({ routes: new Set(readModel.feeds), deliver: () => undefined });
  }
  const sentByPolicies = new Set(
    services.services.flatMap((s) => s.policies.flatMap((p) => p.commands.map((c) => c.command))),
  );
  const result: Saga[] = [];
  for (const service of services.services) {
    for (const owner of [...service.aggregates, ...service.systems]) {
      for (const entry of owner.commands) {
        if (sentByPolicies.has(entry)) continue;
        const saga = run(services, consumers, entry);
        if (saga) result.push({ entry, service, ...saga });
      }
    }
  }
  return result;
}

function run(services: ServicesPlan, consumers: readonly Consumer[], entry: PlanCommand) {
  const events: PlanEvent[] = [];
  const steps: SagaStep[] = [];
  const queue: Array<{ consumer: Consumer; event: PlanEvent }> = [];
  const handle = (command: PlanCommand) => {
    const outcome = services.outcome.get(command.element.id);
    if (!outcome) return;
    events.push(outcome);
    steps.push({ kind: 'event', event: outcome });
    for (const consumer of consumers)
      if (consumer.routes.has(outcome)) queue.push({ consumer, event: outcome });
  };
  handle(entry);
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (events.length > MAX_EVENTS) return undefined;
    const reaction = next.consumer.deliver(next.event);
    for (const command of reaction?.commands ?? []) {
      steps.push({ kind: 'policy', text: reaction!.text, command });
      handle(command);
    }
  }
  return events.length > MAX_EVENTS ? undefined : { events, steps };
}
