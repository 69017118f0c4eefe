// Trunk's post_build hook (Trunk.toml), run on the staging folder of every build:
//  1. the Content-Security-Policy of index.html gets the hash of the start-up script Trunk
//     inlined, so no other inline script can run (release builds; see below for `trunk serve`);
//  2. sw.js gets the exact list of files and a version derived from their content (release
//     builds only: a service worker would get in the way of `trunk serve`).
// Before both, in a release, the JavaScript wasm-bindgen writes (each module's glue and the
// crate's snippets) is minified: Trunk leaves it as written, and the first module's glue is then
// 9.1 KiB gzipped instead of 7.0 (issue 12).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

// Files not precached but kept once fetched (see below): the English app, and the receiving
// side (Phòng, Sở) with its styles.
const LAZY = /^(dvht-web-en|dvht-appraisal)(\.js|_bg\.wasm)$|^appraisal\.css$/;

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through Trunk');
const release = process.env.TRUNK_PROFILE === 'release';

// 0. The modules' JavaScript, minified (release builds: a development build stays readable).
if (release) {
  const glue = fs.readdirSync(dir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /^dvht-[^/]*\.js$|^snippets\/.*\.js$/.test(f));
  for (const f of glue) {
    const file = path.join(dir, f);
    const code = fs.readFileSync(file, 'utf8');
    // An ES module's top-level names are its own; a classic worker script's (the Word worker's
    // `wasm_bindgen`, called by its loader) are global and must keep their names.
    const module = /^\s*(import|export)\b/m.test(code);
    const out = await minify(code, { module, compress: true, mangle: true });
    if (!out.code) throw new Error(`${f}: terser returned nothing`);
    fs.writeFileSync(file, out.code);
  }
}

// 1. The inline start-up script's hash into the CSP.
const indexPath = path.join(dir, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('no inline start-up script found in index.html');
const hashes = inline.map((body) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (!index.includes("'sha256-INLINE'")) throw new Error("index.html's CSP lacks the 'sha256-INLINE' placeholder");
if (release) {
  index = index.replace("'sha256-INLINE'", hashes.join(' '));
} else {
  // `trunk serve` adds its live-reload script when serving, after this hook: a development
  // build (never published, never tested) goes without the policy rather than without reload.
  index = index.replace(/<meta[^>]*Content-Security-Policy[^>]*>/i, '');
}
// The integrity of every file index.html preloads, from the file as shipped. Trunk builds the
// rust modules side by side and each rewrites the crate's shared wasm-bindgen snippets
// (`snippets/dvht-…/inline0.js`); one may hash a snippet while another is rewriting it (seen as
// the SHA-384 of an empty file), and the browser then refuses the first module.
index = index.replace(/<(link|script)\b[^>]*>/g, (tag) => {
  const file = /\b(?:href|src)=["']?(?:\.\/)?([^"' >]+)/.exec(tag)?.[1];
  const integrity = /\bintegrity=["']?(sha(?:256|384|512))-[A-Za-z0-9+/=]+/.exec(tag);
  if (!file || !integrity || !fs.existsSync(path.join(dir, file))) return tag;
  const body = fs.readFileSync(path.join(dir, file));
  if (body.length === 0) throw new Error(`${file} is empty: a module's build overwrote it; build again`);
  const digest = crypto.createHash(integrity[1]).update(body).digest('base64');
  return tag.replace(/(\bintegrity=["']?)sha(?:256|384|512)-[A-Za-z0-9+/=]+/, `$1${integrity[1]}-${digest}`);
});
fs.writeFileSync(indexPath, index);

// 2. The service worker, for a release.
const swPath = path.join(dir, 'sw.js');
if (!release) {
  fs.rmSync(swPath, { force: true });
} else {
  const files = fs.readdirSync(dir, { recursive: true })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile() && f !== 'sw.js')
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const hash = crypto.createHash('sha256');
  // The version covers every file, the API included, so any change makes a new release.
  for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f)));
  const version = hash.digest('hex').slice(0, 16);
  // The JavaScript API and its example serve other sites, not the app: not worth every
  // unit's bandwidth in the background (they still load from the network when used).
  const list = files.filter((f) => !/^(dvht-api|api-example)/.test(f) && !LAZY.test(f));
  // Modules only some users open (the English app, the receiving side): cached by the worker
  // when first fetched, so they work offline from then on, but not downloaded by everyone in
  // the background.
  const lazy = files.filter((f) => LAZY.test(f));
  const sw = fs.readFileSync(swPath, 'utf8')
    .replace("'__DVHT_VERSION__'", JSON.stringify(version))
    .replace('__DVHT_FILES__', JSON.stringify(list))
    .replace('__DVHT_LAZY__', JSON.stringify(lazy));
  fs.writeFileSync(swPath, sw);
  console.log(`post-build: CSP with ${hashes.length} script hash(es); sw.js ${version}, ${list.length} files`);
}
