// Two builds side by side, in one run, alternating: the bytes of a first visit and the time to
// the first usable input, without throttling and with the CPU slowed four times. Medians of the
// runs, with min and max. Reported, never asserted (DEVELOPERS.md).
//   node scripts/perf-compare.mjs <before-dist> <after-dist> [runs=7]
import { serve } from './serve.mjs';
import { firstLoad } from './first-load.mjs';

const [before, after, runsArg] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/perf-compare.mjs <before-dist> <after-dist> [runs]');
  process.exit(2);
}
const RUNS = Number(runsArg || 7);
const builds = [{ name: 'before', root: before }, { name: 'after', root: after }];
for (const b of builds) b.server = await serve({ root: b.root });

const stats = (xs) => {
  const s = [...xs].sort((a, x) => a - x);
  const r = (x) => Math.round(x);
  return { median: r(s[Math.floor(s.length / 2)]), min: r(s[0]), max: r(s[s.length - 1]), runs: s.length };
};
const result = {};
for (const cpu of [1, 4]) {
  const times = Object.fromEntries(builds.map((b) => [b.name, []]));
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first, so neither always meets a warmer machine.
    const order = run % 2 ? [...builds].reverse() : builds;
    for (const b of order) {
      const visit = await firstLoad({ url: b.server.url, root: b.root, cpu });
      times[b.name].push(visit.ms);
      if (cpu === 1 && run === 0) {
        result[b.name] = { first_load_gzip_kib: Math.round(visit.gz / 102.4) / 10, files: visit.files.map((f) => `${f.file} ${(f.gz / 1024).toFixed(1)} KiB`) };
      }
    }
  }
  for (const b of builds) result[b.name][`first_input_ms_cpu_x${cpu}`] = stats(times[b.name]);
}
for (const b of builds) await b.server.close();
for (const cpu of [1, 4]) {
  const key = `first_input_ms_cpu_x${cpu}`;
  result[`ratio_${key}`] = Math.round((result.after[key].median / result.before[key].median) * 100) / 100;
}
console.log(JSON.stringify(result, null, 2));
