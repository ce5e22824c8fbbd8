import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Store } from '../corpus/store.js';
import { packagePath } from '../paths.js';
import { Pipeline } from '../pipeline.js';
import { apiRoutes } from './api.js';
import { readBody, RateLimiter } from './limits.js';
import { openApiDocument } from './openapi.js';
import { pageRoutes, type PageRequest } from './pages.js';
import { HttpError, Router, validate } from './router.js';
import { errorPage } from './ui/views.js';

/** Static assets: our own script and stylesheet, and the charting library from node_modules. */
const STATIC: Record<string, { file: string; type: string }> = {
  '/static/app.js': { file: packagePath('web', 'static', 'app.js'), type: 'text/javascript; charset=utf-8' },
  '/static/app.css': { file: packagePath('web', 'static', 'app.css'), type: 'text/css; charset=utf-8' },
  '/static/chart.umd.min.js': { file: packagePath('node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), type: 'text/javascript; charset=utf-8' },
};

// No inline script can run: even if an escaping bug let article text through, the browser refuses it.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface AppOptions {
  store: Store;
  /** Largest text POST /api/analyze accepts, in bytes (default 512 kB). */
  maxAnalyzeBytes?: number;
  /** Analyse requests per client per minute (default 30). */
  analyzePerMinute?: number;
}

export function createApp(options: AppOptions): Server {
  const maxAnalyzeBytes = options.maxAnalyzeBytes ?? 512 * 1024;
  let pipeline: Promise<Pipeline> | null = null;
  const getPipeline = () => (pipeline ??= Pipeline.create());
  const routes = apiRoutes({ store: options.store, pipeline: getPipeline, maxAnalyzeBytes });
  const router = new Router(routes);
  const pages = pageRoutes({ store: options.store, pipeline: getPipeline, maxAnalyzeBytes });
  const limiter = new RateLimiter(options.analyzePerMinute ?? 30, 60_000);
  const version = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  const openapi = JSON.stringify(openApiDocument(routes, version), null, 2);
  const staticCache = new Map<string, Buffer>();

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const clientIp = req.socket.remoteAddress ?? 'unknown';
    const isApi = path.startsWith('/api/');
    try {
      if (path === '/api/openapi.json') return send(res, 200, 'application/json', openapi);
      if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      const asset = STATIC[path];
      if (asset) {
        let body = staticCache.get(path);
        if (!body) staticCache.set(path, (body = readFileSync(asset.file)));
        return send(res, 200, asset.type, body);
      }
      if (isApi) {
        const match = router.match(method, path);
        if (!match) throw new HttpError(404, `no API endpoint ${path} (see /api/openapi.json)`);
        const { route } = match;
        let body: unknown = undefined;
        if (method === 'POST') {
          limiter.check(clientIp);
          const raw = await readBody(req, maxAnalyzeBytes + 4096);
          try {
            body = JSON.parse(raw);
          } catch {
            throw new HttpError(400, 'request body: not valid JSON');
          }
        }
        const result = await route.handler({
          query: validate(route.query, Object.fromEntries(url.searchParams), 'query parameter'),
          params: validate(route.params, match.params, 'path parameter'),
          body: validate(route.body, body, 'body field'),
          clientIp,
        });
        return send(res, 200, 'application/json', JSON.stringify(result));
      }
      const request: PageRequest = { method, path, query: url.searchParams, clientIp, body: null };
      if (method === 'POST') {
        limiter.check(clientIp);
        request.body = new URLSearchParams(await readBody(req, maxAnalyzeBytes + 4096));
      }
      const html = await pages.render(request);
      if (html === null) throw new HttpError(404, `no page at ${path}`);
      return send(res, 200, 'text/html; charset=utf-8', html);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      // Internal errors are logged here and answered without details: no stack traces in responses.
      const message = err instanceof HttpError ? err.message : 'internal error';
      if (!(err instanceof HttpError)) process.stderr.write(`parley serve: ${method} ${path}: ${err instanceof Error ? err.stack : String(err)}\n`);
      if (isApi) return send(res, status, 'application/json', JSON.stringify({ error: message, status }));
      return send(res, status, 'text/html; charset=utf-8', errorPage(status, message));
    }
  }

  return createServer((req, res) => {
    void handle(req, res);
  });
}
