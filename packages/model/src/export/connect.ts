import type { ExportFile } from './export-file.ts';
import type { ExportPlan, PlanContext } from './plan.ts';

/**
 * A Kafka Connect connector as `POST /connectors` takes it: a name and its config, every value a string.
 * The fields are documented in docs/exporters.md and checked by schema/kafka-connect-s3-sink.schema.json.
 */
export interface ConnectorConfig {
  readonly name: string;
  readonly config: Readonly<Record<string, string>>;
}

/** The archive's object-storage bucket; the deployment overrides it (and the region) before posting. */
export function archiveBucket(plan: ExportPlan): string {
  return `${plan.options.org}-event-archive`;
}

/**
 * The event archive of one bounded context: Confluent's S3 sink connector copying the context's event
 * topics to object storage, one JSON object per event in hourly folders, with the record key and the
 * CloudEvents `ce_*` headers kept beside the value (in binary mode the headers carry the event's type
 * and id). Undefined when the context publishes no events.
 */
export function archiveConnector(plan: ExportPlan, context: PlanContext): ConnectorConfig | undefined {
  const topics = context.owners.flatMap((owner) =>
    owner.eventsTopic && owner.events.length > 0 ? [owner.eventsTopic] : [],
  );
  if (topics.length === 0) return undefined;
  const partitions = topics.reduce((sum, topic) => sum + topic.partitions, 0);
  return {
    name: `${plan.options.org}.${context.segment}.event-archive`,
    config: {
      'connector.class': 'io.confluent.connect.s3.S3SinkConnector',
      // More tasks than partitions would idle.
      'tasks.max': String(Math.min(partitions, 8)),
      topics: topics.map((topic) => topic.name).join(','),
      's3.bucket.name': archiveBucket(plan),
      's3.region': 'us-east-1',
      'topics.dir': `events/${context.segment}`,
      'storage.class': 'io.confluent.connect.s3.storage.S3Storage',
      'format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'header.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'store.kafka.keys': 'true',
      'keys.format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
      'store.kafka.headers': 'true',
      'headers.format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
      'partitioner.class': 'io.confluent.connect.storage.partitioner.TimeBasedPartitioner',
      'path.format': "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH",
      'partition.duration.ms': '3600000',
      'timestamp.extractor': 'Record',
      locale: 'en-US',
      timezone: 'UTC',
      'flush.size': '1000',
      'rotate.schedule.interval.ms': '600000',
      // A record that cannot be archived stops the task: an archive with holes is worse than a late one.
      'errors.tolerance': 'none',
    },
  };
}

/** `connect/<context>.event-archive.json`: one S3 sink connector per bounded context with event topics. */
export function renderKafkaConnect(plan: ExportPlan): ExportFile[] {
  return plan.contexts.flatMap((context) => {
    const connector = archiveConnector(plan, context);
    return connector
      ? [
          {
            path: `connect/${context.name.kebab}.event-archive.json`,
            contents: `${JSON.stringify(connector, null, 2)}\n`,
          },
        ]
      : [];
  });
}
