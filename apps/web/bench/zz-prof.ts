import { chromium } from '@playwright/test';
import { generateBoard } from './generateBoard.ts';
import { startServer } from './startServer.ts';

const server = await startServer('/work/main/apps/collab-server/dist/main.js', '/tmp/dist-dbg');
const r = await fetch(`${server.url}/api/boards/import`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(generateBoard(5000)),
});
const { id } = (await r.json()) as { id: string };
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await p.goto(`${server.url}/b/${id}`);
await p.waitForFunction(
  () => {
    const n = document.querySelector('.react-flow__node');
    return n && getComputedStyle(n).visibility === 'visible';
  },
  null,
  { polling: 'raf' },
);
console.log(
  'dom elements',
  await p.evaluate(() => document.querySelectorAll('*').length),
  'edges',
  await p.evaluate(() => document.querySelectorAll('.react-flow__edge').length),
);
const { profile } = (await cdp.send('Profiler.stop')) as any;
await b.close();
await server.stop();
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
profile.samples.forEach((s: number, i: number) => {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const names = new Set<string>();
  let cur: number | undefined = s;
  while (cur !== undefined) {
    const n = byId.get(cur);
    names.add(`${n.callFrame.functionName}:${n.callFrame.lineNumber}`);
    cur = parent.get(cur);
  }
  for (const k of names) incl.set(k, (incl.get(k) ?? 0) + dt);
});
console.log(
  [...incl]
    .sort((a, b) => b[1] - a[1])
    .filter(([k]) => !k.startsWith(':') && !k.startsWith('('))
    .slice(0, 60)
    .map(([k, v]) => `${v.toFixed(0)}ms ${k}`)
    .join('\n'),
);
