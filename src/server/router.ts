import { z } from 'zod';

/** A failure the client caused: answered with its status and message, never a stack trace. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  clientIp: string;
}

/**
 * One API route. Its zod schemas both validate requests and generate the OpenAPI document,
 * so the documentation cannot drift from what the code accepts.
 */
export interface ApiRoute<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST';
  /** OpenAPI-style path template: /api/articles/{id} */
  path: string;
  summary: string;
  tag: string;
  query?: Q;
  params?: P;
  body?: B;
  handler(ctx: RequestContext<z.infer<Q>, z.infer<P>, z.infer<B>>): unknown;
}

export function route<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType>(r: ApiRoute<Q, P, B>): ApiRoute {
  return r as unknown as ApiRoute;
}

interface Compiled {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: ApiRoute[]) {
    this.compiled = routes.map((r) => {
      const names: string[] = [];
      const source = r.path
        .split('/')
        .map((part) => {
          const m = /^\{(\w+)\}$/.exec(part);
          if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(m[1]!);
          return '([^/]+)';
        })
        .join('/');
      return { route: r, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The route for a method and path, with its decoded path parameters; 405 when only the method is wrong. */
  match(method: string, path: string): { route: ApiRoute; params: Record<string, string> } | null {
    let pathMatched = false;
    for (const c of this.compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1]!);
      });
      return { route: c.route, params };
    }
    if (pathMatched) throw new HttpError(405, `method ${method} not allowed on ${path}`);
    return null;
  }
}

/** Validate input against a schema; a failure becomes a 400 naming each bad field. */
export function validate<T extends z.ZodType>(schema: T | undefined, input: unknown, where: string): z.infer<T> {
  if (!schema) return {} as z.infer<T>;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${where} ${i.path.length ? i.path.join('.') : ''}: ${i.message}`.replace(' :', ':'));
  throw new HttpError(400, problems.join('; '));
}
