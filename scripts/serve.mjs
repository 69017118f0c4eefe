// A static file server for dist/, as any static host would serve it: no rewrites, no special
// headers beyond the content type. Used by `make run` and the browser tests.
//   node scripts/serve.mjs [--port 8080] [--root dist] [--prefix /tu-danh-gia/]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8', '.ics': 'text/calendar',
};

export function serve({ root = 'dist', port = 0, prefix = '/', host = '127.0.0.1' } = {}) {
  root = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    url = url.slice(prefix.length - 1);
    let file = path.join(root, path.normalize(url));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => {
    const url = `http://${host}:${server.address().port}${prefix}`;
    resolve({ url, server, requests, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const { url } = await serve({ port: Number(arg('--port', 8080)), root: arg('--root', 'dist'), prefix: arg('--prefix', '/') });
  console.log(`dvht: ${url} (Ctrl+C để dừng / to stop)`);
}
