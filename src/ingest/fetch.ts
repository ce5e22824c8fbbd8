import { InputError, type Source } from './source.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * An http(s) URL as a Source. The time limit covers the whole transfer, body included, and the
 * body is streamed with a byte limit so a huge or endless response cannot exhaust memory.
 */
export async function fetchSource(url: string, limits: FetchLimits): Promise<Source> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  timer.unref();
  const failure = (err: unknown): InputError =>
    err instanceof InputError
      ? err
      : new InputError('fetch failed', timedOut ? `timed out after ${limits.timeoutMs} ms` : `fetch failed: ${(err as Error).message}`);

  let response: Response;
  try {
    response = await fetch(url, { signal: controller.signal, redirect: 'follow', headers: { 'user-agent': 'parley' } });
  } catch (err) {
    clearTimeout(timer);
    throw failure(err);
  }
  if (!response.ok) {
    clearTimeout(timer);
    controller.abort();
    throw new InputError('fetch failed', `HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > limits.maxBytes) {
    clearTimeout(timer);
    controller.abort();
    throw new InputError('over size limit', `response is ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
  }
  const body = response.body;
  async function* stream(): AsyncGenerator<Uint8Array> {
    if (!body) return;
    const reader = body.getReader();
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        total += value.length;
        if (total > limits.maxBytes) {
          throw new InputError('over size limit', `response is over the ${limits.maxBytes}-byte limit`);
        }
        yield value;
      }
    } catch (err) {
      throw failure(err);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
  return {
    name: url,
    formatHint: new URL(response.url || url).pathname,
    url: response.url || url,
    contentType: response.headers.get('content-type'),
    bytes: stream(),
  };
}

/** The whole body of a URL as text (a feed item's page). */
export async function fetchText(url: string, limits: FetchLimits): Promise<string> {
  const source = await fetchSource(url, limits);
  const parts: Uint8Array[] = [];
  for await (const chunk of source.bytes) parts.push(chunk);
  return new TextDecoder().decode(Buffer.concat(parts));
}
