// Lighthouse 12.8 (mobile, its default: a slow phone on a slow network, simulated) on built
// sites, with Debian's Chromium: performance and accessibility, the median of a few runs.
//   node scripts/lighthouse.mjs <dist> [<dist> …] [--runs 3]
// Lighthouse is installed by `scripts/setup.sh bench` into .tools/lighthouse (make bench).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const roots = args.length ? args : ['dist'];
const tools = path.resolve('.tools/lighthouse/node_modules');
const lighthouse = (await import(pathToFileURL(path.join(tools, 'lighthouse/core/index.js')))).default;
const chromeLauncher = await import(pathToFileURL(path.join(tools, 'chrome-launcher/dist/index.js')));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = {};
for (const root of roots) {
  const server = await serve({ root });
  const scores = { performance: [], accessibility: [], fcp_ms: [], tti_ms: [], tbt_ms: [] };
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const r = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = r.lhr;
      scores.performance.push(Math.round(lhr.categories.performance.score * 100));
      scores.accessibility.push(Math.round(lhr.categories.accessibility.score * 100));
      scores.fcp_ms.push(Math.round(lhr.audits['first-contentful-paint'].numericValue));
      scores.tti_ms.push(Math.round(lhr.audits.interactive.numericValue));
      scores.tbt_ms.push(Math.round(lhr.audits['total-blocking-time'].numericValue));
    } finally {
      await chrome.kill();
    }
  }
  await server.close();
  out[root] = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { median: median(v), min: Math.min(...v), max: Math.max(...v) }]));
}
console.log(JSON.stringify(out, null, 2));
