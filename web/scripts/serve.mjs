// A tiny static server for the built app (web/dist) that serves /config.json generated from a
// deployment file (deployments/<name>.json, as the deploy script writes it). Used by `make devnet`
// and by the browser tests; no dependency beyond node.
//   node scripts/serve.mjs --deployment ../deployments/devnet.json --rpc http://127.0.0.1:8545 \
//     [--l2 http://127.0.0.1:8601,...] [--l2-chain-id 424242] [--port 5173] [--host 127.0.0.1] [--dir dist] [--no-l2-proxy]
// The keepers' L2 JSON-RPC sends no CORS headers, so a page cannot call it from another origin: by
// default the server relays POST /l2/<i> to the i-th --l2 URL and config.json lists those paths
// (and the keepers' own URLs as l2Upstream, for display)
// (--no-l2-proxy serves the URLs as given, for keepers behind a gateway that allows CORS).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** The app's config.json from a deployment file's contents. */
export function configFromDeployment(deployment, rpcUrl, l2Rpc = [], chainName = 'Janus devnet L1', l2ChainId = 424242) {
  const { chainId, ...addresses } = deployment;
  return { chainId, chainName, rpcUrl, l2Rpc, l2ChainId, fromBlock: 0, contracts: addresses };
}

/** Largest body relayed to a keeper (the keeper refuses more than 64 KiB itself). */
const MAX_L2_BODY = 64 * 1024;

/** Relay one JSON-RPC POST to `target`; answers 502 with the reason when the keeper is unreachable. */
async function relay(req, res, target) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > MAX_L2_BODY) {
      res.writeHead(413, { 'content-type': 'text/plain' });
      return res.end('request body over 64 KiB');
    }
    chunks.push(c);
  }
  try {
    const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks), signal: AbortSignal.timeout(10000) });
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
    res.end(Buffer.from(await r.arrayBuffer()));
  } catch (e) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`keeper ${target} unreachable: ${e?.cause?.code ?? e?.message ?? e}`);
  }
}

/** Serve `dir` with `config` at /config.json; resolves to { url, close }. Port 0 picks a free one.
 *  `l2Proxy` (default true): relay POST /l2/<i> to config.l2Rpc[i] and list those paths in the
 *  served config instead (the keeper's RPC allows no cross-origin calls). */
export function startServer({ dir, config, port = 0, host = '127.0.0.1', l2Proxy = true }) {
  const root = resolve(dir);
  const targets = l2Proxy ? [...(config.l2Rpc ?? [])] : [];
  const served = l2Proxy ? { ...config, l2Rpc: targets.map((_, i) => `/l2/${i}`), l2Upstream: targets } : config;
  const body = JSON.stringify(served, null, 2);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      return res.end(body);
    }
    const l2 = path.match(/^\/l2\/(\d+)$/);
    if (l2 && Number(l2[1]) < targets.length) {
      if (req.method !== 'POST') {
        res.writeHead(405, { 'content-type': 'text/plain', allow: 'POST' });
        return res.end('POST a JSON-RPC request');
      }
      return relay(req, res, targets[Number(l2[1])]);
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      const data = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(data);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ url: `http://${host}:${p}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') && a !== '--no-l2-proxy' ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  if (!args.deployment || !args.rpc) {
    console.error('usage: serve.mjs --deployment <deployments/x.json> --rpc <L1 RPC URL> [--l2 a,b] [--port 5173] [--host 127.0.0.1] [--dir dist] [--no-l2-proxy]');
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const config = configFromDeployment(JSON.parse(readFileSync(args.deployment, 'utf8')), args.rpc, args.l2 ? args.l2.split(',') : [], undefined, Number(args['l2-chain-id'] ?? 424242));
  const { url } = await startServer({ dir: args.dir ?? join(here, '..', 'dist'), config, port: Number(args.port ?? 5173), host: args.host ?? '127.0.0.1', l2Proxy: !process.argv.includes('--no-l2-proxy') });
  console.log(`app: ${url}`);
}
