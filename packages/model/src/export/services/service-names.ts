import type { PlanContext, PlanEvent, PlanOwner } from '../plan.ts';
import type { ServicePlan } from './service-plan.ts';

/** What the runtime exports: a context namespace must not shadow any of them. */
const RUNTIME_NAMES = [
  'AnyCloudEvent',
  'Clock',
  'ConcurrencyError',
  'DeadLetter',
  'DecideContext',
  'EventBus',
  'EventRoute',
  'EventSchema',
  'EventStore',
  'EventStream',
  'InMemoryEventStore',
  'InMemoryReadModelStore',
  'InProcessBus',
  'KafkaBus',
  'KafkaRecord',
  'NewEvent',
  'ReadModelStore',
  'Subscription',
  'Kafka',
  'RemoteCommands',
  'Service',
  'ServiceDeps',
];

/** The type names a service declares itself, by the element they are named after. */
export const localTypes = {
  state: (owner: PlanOwner) => `${owner.name.pascal}State`,
  command: (owner: PlanOwner) => `${owner.name.pascal}Command`,
  commandSchema: (owner: PlanOwner) => `${owner.name.pascal}CommandSchema`,
  newEvent: (owner: PlanOwner) => `${owner.name.pascal}NewEvent`,
  eventName: (owner: PlanOwner) => `${owner.name.pascal}EventName`,
  trigger: (pascal: string) => `${pascal}Trigger`,
  policyCommand: (pascal: string) => `${pascal}Command`,
  failure: (pascal: string) => `${pascal}Failure`,
  compensation: (pascal: string) => `${pascal}Compensation`,
  view: (pascal: string) => `${pascal}View`,
  feed: (pascal: string) => `${pascal}Feed`,
  feedName: (pascal: string) => `${pascal}FeedName`,
};

/**
 * Generated files refer to contracts through one namespace per bounded context (`Payments.PaymentRequested`),
 * so names from different contexts never meet. A namespace that would equal a name the service declares
 * becomes `<Context>Contracts`.
 */
export function contractNamespaces(service: ServicePlan): Map<PlanContext, string> {
  const taken = new Set(RUNTIME_NAMES);
  for (const owner of [...service.aggregates, ...service.systems]) {
    taken.add(localTypes.state(owner)).add(localTypes.command(owner)).add(localTypes.commandSchema(owner));
    taken.add(localTypes.newEvent(owner)).add(localTypes.eventName(owner));
  }
  for (const { policy } of service.policies) {
    const p = policy.name.pascal;
    taken
      .add(localTypes.trigger(p))
      .add(localTypes.policyCommand(p))
      .add(localTypes.failure(p))
      .add(localTypes.compensation(p));
  }
  for (const { readModel } of service.readModels) {
    const r = readModel.name.pascal;
    taken.add(localTypes.view(r)).add(localTypes.feed(r)).add(localTypes.feedName(r));
  }
  return new Map(
    service.contractContexts.map((context) => {
      const pascal = context.name.pascal;
      return [context, taken.has(pascal) ? `${pascal}Contracts` : pascal];
    }),
  );
}

/** `Payments.PaymentRequestedType` and friends, through the service's namespaces. */
export class ContractRefs {
  constructor(private readonly namespaces: ReadonlyMap<PlanContext, string>) {}

  ns(context: PlanContext): string {
    const name = this.namespaces.get(context);
    if (!name) throw new Error(`no contracts namespace for ${context.name.pascal}`);
    return name;
  }

  /** The payload type, schema or type constant of an event or command. */
  payload(
    item: { readonly owner: PlanOwner; readonly name: { readonly pascal: string } },
    suffix = '',
  ): string {
    return `${this.ns(item.owner.context)}.${item.name.pascal}${suffix}`;
  }

  eventType(event: PlanEvent): string {
    return this.payload(event, 'Type');
  }

  /** One event in its envelope: the member of its owner's union. */
  envelope(event: PlanEvent): string {
    return `Extract<${this.ownerUnion(event.owner)}, { type: typeof ${this.eventType(event)} }>`;
  }

  ownerUnion(owner: PlanOwner): string {
    return `${this.ns(owner.context)}.${owner.name.pascal}Event`;
  }

  ownerUnionSchema(owner: PlanOwner): string {
    return `${this.ns(owner.context)}.${owner.name.pascal}EventSchema`;
  }

  eventsTopic(owner: PlanOwner): string {
    return `${this.ns(owner.context)}.${owner.name.pascal}EventsTopic`;
  }
}
