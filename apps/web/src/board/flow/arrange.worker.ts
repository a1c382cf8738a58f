/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

/** Runs ELK off the main thread, so the canvas keeps drawing while a large flow is laid out. */
const elk = new ELK();

self.onmessage = async (event: MessageEvent<{ readonly id: number; readonly graph: ElkNode }>) => {
  const { id, graph } = event.data;
  try {
    self.postMessage({ id, layout: await elk.layout(graph) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
