import type {
  ExportPlan,
  PlanCommand,
  PlanContext,
  PlanEvent,
  PlanOwner,
  PlanPolicy,
  PlanReadModel,
} from '../plan.ts';
import { failureEvents, outcomesOf } from './outcomes.ts';

/** A command a service can send: to one of its own handlers, or to another service's. */
export interface ServiceCommand {
  readonly command: PlanCommand;
  /** The `type` of the command object: the command's name, prefixed with its context when remote. */
  readonly tag: string;
  readonly remote: boolean;
}

export interface ServicePolicy {
  readonly policy: PlanPolicy;
  /** Events it reacts to that travel on a topic (events without producer never arrive). */
  readonly triggers: readonly PlanEvent[];
  readonly commands: readonly ServiceCommand[];
  /** Failure events of the aggregates its commands go to: the saga step's compensation runs on them. */
  readonly failures: readonly PlanEvent[];
  /** What a compensation may send: the commands of the triggers' producers (undo the step before). */
  readonly compensations: readonly ServiceCommand[];
}

export interface ServiceReadModel {
  readonly readModel: PlanReadModel;
  readonly feeds: readonly PlanEvent[];
}

/** One generated service: a bounded context with something to run. */
export interface ServicePlan {
  readonly context: PlanContext;
  /** `services/<context>-service`. */
  readonly folder: string;
  readonly aggregates: readonly PlanOwner[];
  readonly systems: readonly PlanOwner[];
  readonly policies: readonly ServicePolicy[];
  readonly readModels: readonly ServiceReadModel[];
  /** Every context whose contracts the service imports (its own first, when it has contracts). */
  readonly contractContexts: readonly PlanContext[];
  readonly deadLetterTopic: string;
}

export interface ServicesPlan {
  readonly plan: ExportPlan;
  readonly services: readonly ServicePlan[];
  /** The primary outcome of each command (what the scaffolded decide returns), by command element id. */
  readonly outcome: ReadonlyMap<string, PlanEvent | undefined>;
}

const isHandled = (command: PlanCommand) => command.owner.element !== undefined;
const isPublished = (event: PlanEvent) => event.owner.eventsTopic !== undefined;

function serviceCommand(command: PlanCommand, context: PlanContext): ServiceCommand {
  const remote = command.owner.context !== context;
  return {
    command,
    remote,
    tag: remote ? `${command.owner.context.name.pascal}.${command.name.pascal}` : command.name.pascal,
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function buildServicesPlan(plan: ExportPlan): ServicesPlan {
  const outcome = new Map<string, PlanEvent | undefined>();
  for (const context of plan.contexts) {
    for (const owner of context.owners) {
      for (const command of owner.commands) outcome.set(command.element.id, outcomesOf(command)[0]);
    }
  }
  const services: ServicePlan[] = [];
  for (const context of plan.contexts) {
    const withElement = context.owners.filter(
      (owner) => owner.element !== undefined && (owner.events.length > 0 || owner.commands.length > 0),
    );
    const aggregates = withElement.filter((owner) => owner.element?.kind === 'aggregate');
    const systems = withElement.filter((owner) => owner.element?.kind === 'externalSystem');
    const policies: ServicePolicy[] = context.policies
      .map((policy) => {
        const triggers = policy.triggers.filter(isPublished);
        const commands = policy.commands.filter(isHandled);
        const failures = unique(
          commands.flatMap((command) =>
            failureEvents(command.owner, outcome.get(command.element.id)).filter(isPublished),
          ),
        ).filter((event) => !triggers.includes(event));
        const compensations = unique(triggers.flatMap((event) => event.owner.commands)).filter(isHandled);
        return {
          policy,
          triggers,
          commands: commands.map((command) => serviceCommand(command, context)),
          failures,
          compensations: failures.length
            ? compensations.map((command) => serviceCommand(command, context))
            : [],
        };
      })
      .filter((policy) => policy.triggers.length > 0);
    const readModels = context.readModels
      .map((readModel) => ({ readModel, feeds: readModel.feeds.filter(isPublished) }))
      .filter((readModel) => readModel.feeds.length > 0);
    if (aggregates.length + systems.length + policies.length + readModels.length === 0) continue;
    const used = new Set<PlanContext>();
    if (withElement.length > 0) used.add(context);
    for (const policy of policies) {
      for (const event of [...policy.triggers, ...policy.failures]) used.add(event.owner.context);
      for (const command of [...policy.commands, ...policy.compensations])
        used.add(command.command.owner.context);
    }
    for (const readModel of readModels) for (const event of readModel.feeds) used.add(event.owner.context);
    const contractContexts = [
      ...(used.has(context) ? [context] : []),
      ...plan.contexts.filter((other) => other !== context && used.has(other)),
    ];
    services.push({
      context,
      folder: `services/${context.name.kebab}-service`,
      aggregates,
      systems,
      policies,
      readModels,
      contractContexts,
      deadLetterTopic: context.deadLetterTopic?.name ?? `${plan.options.org}.${context.segment}.dead-letter`,
    });
  }
  return { plan, services, outcome };
}
