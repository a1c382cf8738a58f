import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { generateBoard } from './generateBoard.ts';
import { startServer } from './startServer.ts';

const server = await startServer(
  '/work/main/apps/collab-server/dist/main.js',
  process.env.DIST ?? '/tmp/dist-dbg',
);
const r = await fetch(`${server.url}/api/boards/import`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(generateBoard(5000)),
});
const { id } = (await r.json()) as { id: string };
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await b.startTracing(p, {
  path: '/tmp/trace.json',
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'v8.execute',
    'blink.user_timing',
  ],
});
await p.goto(`${server.url}/b/${id}`);
await p.waitForFunction(
  () => {
    const n = document.querySelector('.react-flow__node');
    if (n && getComputedStyle(n).visibility === 'visible') {
      performance.mark('dbg:visible');
      return true;
    }
    return false;
  },
  null,
  { polling: 'raf' },
);
await b.stopTracing();
await b.close();
await server.stop();
const trace = JSON.parse(readFileSync('/tmp/trace.json', 'utf8'));
const events: any[] = trace.traceEvents ?? trace;
const marks = events.filter(
  (e) => (e.cat?.includes('user_timing') && e.name?.startsWith('squall:')) || e.name === 'dbg:visible',
);
const synced = marks.find((e) => e.name === 'squall:synced')?.ts;
const visible = marks.find((e) => e.name === 'dbg:visible')?.ts;
console.log('synced→visible ms', (visible - synced) / 1000);
// main thread: the thread with most FunctionCall events
const counts = new Map<string, number>();
for (const e of events)
  if (e.name === 'FunctionCall' || e.name === 'Layout')
    counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
const totals = new Map<string, number>();
const list: string[] = [];
for (const e of events) {
  if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || e.ts < synced || e.ts > visible) continue;
  totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  if (e.dur > 20000)
    list.push(
      `${((e.ts - synced) / 1000).toFixed(0)}ms +${(e.dur / 1000).toFixed(0)} ${e.name} ${JSON.stringify(e.args?.data ?? {}).slice(0, 150)}`,
    );
}
console.log(
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, v]) => `${v.toFixed(0)}ms ${k}`)
    .join('\n'),
);
console.log(list.join('\n'));
