import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one server instance (its own registry, so tests can run several). */
export function createMetrics(options: { processMetrics: boolean }) {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'squall_' });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: 'squall_ws_connections',
      help: 'Open sync WebSocket connections',
      registers,
    }),
    boardsLoaded: new Gauge({ name: 'squall_boards_loaded', help: 'Boards held in memory', registers }),
    messagesIn: new Counter({
      name: 'squall_ws_messages_received_total',
      help: 'Messages received on sync sockets, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    messagesOut: new Counter({
      name: 'squall_ws_messages_sent_total',
      help: 'Messages sent on sync sockets',
      registers,
    }),
    bytesIn: new Counter({
      name: 'squall_ws_bytes_received_total',
      help: 'Bytes received on sync sockets',
      registers,
    }),
    bytesOut: new Counter({
      name: 'squall_ws_bytes_sent_total',
      help: 'Bytes sent on sync sockets',
      registers,
    }),
    rejected: new Counter({
      name: 'squall_ws_rejected_total',
      help: 'Connections closed or messages refused, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    readOnlyUpdatesDropped: new Counter({
      name: 'squall_readonly_updates_dropped_total',
      help: 'Document updates dropped because their connection is read-only (view link or locked board)',
      registers,
    }),
    workshopWritesDropped: new Counter({
      name: 'squall_workshop_writes_dropped_total',
      help: 'Document updates dropped because they touch the workshop state, which only the server writes',
      registers,
    }),
    persistSeconds: new Histogram({
      name: 'squall_persist_duration_seconds',
      help: 'Time to durably append one update',
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
      registers,
    }),
    walFrames: new Gauge({
      name: 'squall_wal_frames',
      help: 'Frames in the SQLite write-ahead log at the last background checkpoint',
      registers,
    }),
    compactions: new Counter({ name: 'squall_compactions_total', help: 'Snapshot compactions', registers }),
    relayPublished: new Counter({
      name: 'squall_relay_messages_published_total',
      help: 'Messages published to the other instances through Redis, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    relayReceived: new Counter({
      name: 'squall_relay_messages_received_total',
      help: 'Messages received from other instances through Redis, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    relayDropped: new Counter({
      name: 'squall_relay_messages_dropped_total',
      help: 'Messages not published because Redis was unreachable (the others catch up from the database)',
      labelNames: ['kind'] as const,
      registers,
    }),
    relayUnsent: new Counter({
      name: 'squall_relay_messages_unsent_total',
      help: 'Messages not published because no other instance is known to hold the board, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    relayLag: new Histogram({
      name: 'squall_relay_lag_seconds',
      help: 'Time from publishing a message on one instance to receiving it on this one',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    redisUp: new Gauge({
      name: 'squall_redis_up',
      help: '1 while the relay reaches Redis, 0 while it does not (absent without REDIS_URL)',
      registers,
    }),
    redisOutages: new Counter({
      name: 'squall_redis_outages_total',
      help: 'Times the relay lost Redis (each outage once, however many reconnect attempts)',
      registers,
    }),
    httpRequests: new Counter({
      name: 'squall_http_requests_total',
      help: 'HTTP requests by method and status',
      labelNames: ['method', 'status'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
