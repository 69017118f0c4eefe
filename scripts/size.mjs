// What the browser downloads: every file of dist/, raw and gzipped (level 9), and the total a
// first visit loads (the files index.html refers to, with index.html itself).
//   node scripts/size.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const files = fs.readdirSync(dist, { recursive: true }).filter((f) => fs.statSync(path.join(dist, f)).isFile()).sort();
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
let first = { raw: 0, gz: 0 };
const rows = files.map((f) => {
  const body = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(body, { level: 9 }).length;
  const initial = f === 'index.html' || html.includes(path.basename(f));
  if (initial) { first.raw += body.length; first.gz += gz; }
  return { file: f, raw: body.length, gz, initial };
});
for (const r of rows) console.log(`${r.initial ? '*' : ' '} ${r.file.padEnd(48)} ${kib(r.raw).padStart(10)} ${kib(r.gz).padStart(10)} gz`);
console.log(`  first load (*)${' '.repeat(35)}${kib(first.raw).padStart(10)} ${kib(first.gz).padStart(10)} gz`);
if (process.env.SIZE_JSON) fs.writeFileSync(process.env.SIZE_JSON, JSON.stringify({ files: rows, first_load: first }, null, 2));
