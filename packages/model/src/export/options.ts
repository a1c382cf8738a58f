import { FIRST_CONTRACT_VERSION, isContractVersion } from '../diff/contract-version.ts';
import { quoted } from '../display-text.ts';
import { MAX_CODE_NAME_LENGTH, topicSegments } from './names.ts';

export const EXPORT_FORMATS = [
  'typescript',
  'jsonschema',
  'asyncapi',
  'topics',
  'registry',
  'connect',
  'services',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What an export without `only` generates: the contracts. Services are asked for by name. */
export const DEFAULT_EXPORT_FORMATS: readonly ExportFormat[] = [
  'typescript',
  'jsonschema',
  'asyncapi',
  'topics',
  'registry',
  'connect',
];

export const TOPIC_PROFILES = ['dev', 'prod'] as const;
/** `dev`: one broker (replication factor 1). `prod`: the board's replication factor, default 3. */
export type TopicProfile = (typeof TOPIC_PROFILES)[number];

export interface ExportOptions {
  /**
   * Which formats to generate; the README is always included. Default: the contracts (all but `services`).
   * `services` brings `typescript` along: the services import it.
   */
  readonly only?: readonly ExportFormat[];
  /** Organisation: first segment of topic names and of CloudEvents types (`com.<org>.…`). Default `example`. */
  readonly org?: string;
  /** Default `prod`. */
  readonly profile?: TopicProfile;
  /** `context`: one AsyncAPI document per bounded context (default); `board`: one for the whole board. */
  readonly asyncApiScope?: 'context' | 'board';
  /** Kafka bootstrap server written into AsyncAPI and the scripts. Default `localhost:9092`. */
  readonly kafkaHost?: string;
  /** Strimzi API version of the `KafkaTopic` resources. Default `v1` (Strimzi ≥ 0.49; 1.0 dropped v1beta2). */
  readonly strimziApiVersion?: 'v1' | 'v1beta2';
  /** The `strimzi.io/cluster` label. Default `my-cluster`. */
  readonly strimziCluster?: string;
  /** Board name, for titles and the README. Default `Squall board`. */
  readonly boardName?: string;
  /**
   * The contracts' version (`major.minor.patch`): AsyncAPI `info.version`, the TypeScript package's
   * version, each JSON Schema's `$comment`. Default `1.0.0`; see `nextContractVersion`.
   */
  readonly version?: string;
}

/** Options with every default filled in and the organisation normalised to topic segments. */
export interface ResolvedExportOptions {
  readonly only: readonly ExportFormat[];
  readonly org: string;
  readonly profile: TopicProfile;
  readonly asyncApiScope: 'context' | 'board';
  readonly kafkaHost: string;
  readonly strimziApiVersion: 'v1' | 'v1beta2';
  readonly strimziCluster: string;
  readonly boardName: string;
  readonly version: string;
}

/** Topic defaults when neither the aggregate nor its context sets them. */
export const DEFAULT_PARTITIONS = 3;
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const PROD_REPLICATION_FACTOR = 3;

/** Options that came from outside TypeScript (a query string, a JSON body) can be anything. */
function check<T extends string>(value: unknown, allowed: readonly T[], option: string): void {
  if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) {
    throw new RangeError(
      `export option ${option} must be one of ${allowed.join(', ')}; got ${typeof value === 'string' ? quoted(value) : typeof value}`,
    );
  }
}

/** Kubernetes label values (the `strimzi.io/cluster` label) are at most 63 characters. */
const MAX_LABEL_LENGTH = 63;

/** A name option as topic segments, refused when it is longer than `max` (it would make names too long). */
function segmentsOption(value: string | undefined, option: string, max: number): string {
  const segments = topicSegments(value ?? '');
  if (segments.length > max) {
    throw new RangeError(
      `export option ${option} must be at most ${max} characters as a topic segment; ${quoted(value ?? '')} is ${segments.length}`,
    );
  }
  return segments;
}

/** Fills in the defaults; throws a `RangeError` naming the option when a value is not allowed. */
export function resolveExportOptions(options: ExportOptions = {}): ResolvedExportOptions {
  for (const format of options.only ?? []) check(format, EXPORT_FORMATS, 'only');
  check(options.profile, TOPIC_PROFILES, 'profile');
  check(options.asyncApiScope, ['context', 'board'], 'asyncApiScope');
  check(options.strimziApiVersion, ['v1', 'v1beta2'], 'strimziApiVersion');
  if (options.version !== undefined && !isContractVersion(options.version)) {
    throw new RangeError(
      `export option version must be major.minor.patch; got ${typeof options.version === 'string' ? quoted(options.version) : typeof options.version}`,
    );
  }
  const asked = options.only?.length ? options.only : DEFAULT_EXPORT_FORMATS;
  // The services import the TypeScript contracts: one without the other would not compile.
  const only = asked.includes('services') ? [...asked, 'typescript'] : asked;
  const org = segmentsOption(options.org, 'org', MAX_CODE_NAME_LENGTH) || 'example';
  return {
    only: EXPORT_FORMATS.filter((format) => only.includes(format)),
    // A digit-leading org would make digit-leading Terraform names and CloudEvents segments.
    org: /^[0-9]/.test(org) ? `org-${org}` : org,
    profile: options.profile ?? 'prod',
    asyncApiScope: options.asyncApiScope ?? 'context',
    kafkaHost: options.kafkaHost?.trim() || 'localhost:9092',
    strimziApiVersion: options.strimziApiVersion ?? 'v1',
    strimziCluster:
      segmentsOption(options.strimziCluster, 'strimziCluster', MAX_LABEL_LENGTH) || 'my-cluster',
    boardName: options.boardName?.trim().replace(/\s+/g, ' ') || 'Squall board',
    version: options.version ?? FIRST_CONTRACT_VERSION,
  };
}
