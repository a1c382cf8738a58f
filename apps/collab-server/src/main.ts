import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

// Entry point: environment → config → server; SIGTERM/SIGINT shut down cleanly and exit 0.
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env, process.cwd(), path.dirname(fileURLToPath(import.meta.url)));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`collab-server: ${error.message}`);
  process.exit(2);
}
const log = createLogger(config.logLevel);
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(config, log, { processMetrics: true });
} catch (error) {
  // Port taken, data folder not writable, database unreadable: say which, without a stack trace.
  log.fatal({ err: error, port: config.port, dataDir: config.dataDir }, `could not start: ${String(error)}`);
  // The log may go to a file or be ignored (a test runner's stdout): the reason also goes to stderr.
  console.error(`collab-server: could not start: ${String(error)}`);
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
