import type { TopicDefinition } from '../../../src/index.ts';

/** The shape of the generated `topics/create-topics.ts`, for typing its dynamic import in tests. */
export interface TopicsReport {
  readonly created: string[];
  readonly unchanged: string[];
  readonly drifted: Array<{ topic: string; setting: string; expected: string; actual: string }>;
}
export declare function createTopics(
  admin: object,
  wanted?: readonly TopicDefinition[],
): Promise<TopicsReport>;
export declare function formatTopicsReport(report: TopicsReport): string;
