import type { ExportPlan } from '../plan.ts';
import type { TopicDefinition } from '../topic-settings.ts';

/** The neutral topic list every other topic format is rendered from (and tools can read). */
export interface TopicsJson {
  readonly org: string;
  readonly profile: string;
  readonly topics: readonly TopicDefinition[];
}

export function topicsJson(plan: ExportPlan): TopicsJson {
  return { org: plan.options.org, profile: plan.options.profile, topics: plan.topics };
}

export function renderTopicsJson(plan: ExportPlan): string {
  return `${JSON.stringify(topicsJson(plan), null, 2)}\n`;
}
