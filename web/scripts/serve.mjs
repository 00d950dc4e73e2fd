// A tiny static server for the built app (web/dist) that serves /config.json generated from a
// deployment file (deployments/<name>.json, as the deploy script writes it). Used by `make devnet`
// and by the browser tests; no dependency beyond node.
//   node scripts/serve.mjs --deployment ../deployments/devnet.json --rpc http://127.0.0.1:8545 \
//     [--l2 http://127.0.0.1:8601,...] [--l2-chain-id 424242] [--port 5173] [--host 127.0.0.1] [--dir dist]
// Static files only: the app has no backend of its own. The page calls the L1 RPC and the keepers'
// L2 JSON-RPC (config.json's l2Rpc: the --l2 URLs as given) directly, cross-origin (both send CORS
// headers for any origin).
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

/** Serve `dir` with `config` at /config.json; resolves to { url, close }. Port 0 picks a free one. */
export function startServer({ dir, config, port = 0, host = '127.0.0.1' }) {
  const root = resolve(dir);
  const body = JSON.stringify(config, null, 2);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      return res.end(body);
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
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  if (!args.deployment || !args.rpc) {
    console.error('usage: serve.mjs --deployment <deployments/x.json> --rpc <L1 RPC URL> [--l2 a,b] [--port 5173] [--host 127.0.0.1] [--dir dist]');
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const config = configFromDeployment(JSON.parse(readFileSync(args.deployment, 'utf8')), args.rpc, args.l2 ? args.l2.split(',') : [], undefined, Number(args['l2-chain-id'] ?? 424242));
  const { url } = await startServer({ dir: args.dir ?? join(here, '..', 'dist'), config, port: Number(args.port ?? 5173), host: args.host ?? '127.0.0.1' });
  console.log(`app: ${url}`);
}
