import type { IncomingMessage } from 'node:http';
import { HttpError } from './router.js';

/** Reads a request body up to `maxBytes`; larger bodies are refused with 413 before they are buffered. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, `request body over the ${maxBytes}-byte limit`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `request body over the ${maxBytes}-byte limit`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A fixed-window rate limit per client address, for the expensive endpoints. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
  ) {}

  check(client: string, now = Date.now()): void {
    const w = this.windows.get(client);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(client, { start: now, count: 1 });
      return;
    }
    w.count++;
    if (w.count > this.perWindow) {
      throw new HttpError(429, `rate limit: at most ${this.perWindow} requests per ${this.windowMs / 1000} s`);
    }
  }
}
