/**
 * UrlFetchApp and HTTPResponse facades over a programmable fake network (emu.http), reference section 11.
 * Nothing leaves the process: a request goes to the first route that matches it, or fails with a DNS error.
 */
import { TextDecoder } from 'node:util';
import type { HTTPResponseLike, UrlFetchAppLike } from '../../src/sheets/apps-script';
import type { VirtualClock } from './clock';
import { EmulatorUnsupported, ServiceError } from './errors';
import type { Execution } from './execution';
import type { DailyQuota } from './quota';

type FetchOptions = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type FetchRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;

/** What a route handler receives. `method` is upper case (`GET`), as a server sees it. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body as sent: a string payload as given, an object payload form-encoded, '' without payload. */
  payload: string;
  /** The contentType param, else `application/x-www-form-urlencoded` when there is a payload, else ''. */
  contentType: string;
}

export interface HttpResponseSpec {
  status: number;
  /** A header with several values may be given as an array. */
  headers?: Record<string, string | string[]>;
  /** A string is sent as is; anything else is JSON-serialised (with Content-Type application/json unless set). */
  body: string | object;
  /** Virtual time this request takes; default: the emulator's httpLatencyMs. */
  latencyMs?: number;
}

export type HttpHandler = (req: HttpRequest) => HttpResponseSpec;
/** A URL prefix, a regular expression tested on the URL, or a predicate on the request. */
export type HttpMatcher = string | RegExp | ((req: HttpRequest) => boolean);

/** One request on the fake network (each redirect hop is an entry of its own). */
export interface HttpLogEntry extends HttpRequest {
  /** Virtual time the request was sent, ISO UTC. */
  at: string;
  /** The effective user of the execution that sent it. */
  user: string;
  /** Response status; null when no route matched (DNS error). */
  status: number | null;
  latencyMs: number;
}

interface Routed {
  status: number;
  headers: Record<string, string | string[]>;
  text: string;
}

export const URL_FETCH_QUOTA_MESSAGE = 'Service invoked too many times for one day: urlfetch.';
export const URL_TOO_LONG = 'Limit Exceeded: URLFetch URL Length.';
/** Abbreviation of the server response in the "Request failed" message: over 150 characters, the first 147 and "...". */
export const TRUNCATE_AT = 150;
export const MAX_URL_CHARS = 2048;
export const MAX_REDIRECTS = 10;
const METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The fake network: routes and a log of every request. */
export class FakeHttp {
  readonly requests: HttpLogEntry[] = [];
  private readonly routes: { matcher: HttpMatcher; handler: HttpHandler }[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly defaultLatency: () => number,
  ) {}

  /** Adds a route; the first registered route that matches a request answers it. */
  route(matcher: HttpMatcher, handler: HttpHandler): this {
    this.routes.push({ matcher, handler });
    return this;
  }

  /** Removes every route (the log is kept). */
  clearRoutes(): void {
    this.routes.length = 0;
  }

  /** Sends one request at virtual time `at` (ms); returns the response (null: no route) and its latency. */
  send(req: HttpRequest, user: string, at: number): { res: Routed | null; latencyMs: number } {
    const entry: HttpLogEntry = { ...req, headers: { ...req.headers }, at: new Date(at).toISOString(), user, status: null, latencyMs: 0 };
    this.requests.push(entry);
    const route = this.routes.find((r) => matches(r.matcher, { ...req, headers: { ...req.headers } }));
    if (!route) {
      entry.latencyMs = this.defaultLatency();
      return { res: null, latencyMs: entry.latencyMs };
    }
    const spec = route.handler({ ...req, headers: { ...req.headers } });
    if (!spec || typeof spec.status !== 'number') throw new Error(`emu.http route for ${req.url} returned no { status, body }`);
    const headers: Record<string, string | string[]> = { ...(spec.headers ?? {}) };
    let text: string;
    if (typeof spec.body === 'string') text = spec.body;
    else {
      text = JSON.stringify(spec.body) ?? '';
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    }
    entry.status = spec.status;
    entry.latencyMs = spec.latencyMs ?? this.defaultLatency();
    return { res: { status: spec.status, headers, text }, latencyMs: entry.latencyMs };
  }

  now(): number {
    return this.clock.now();
  }
}

function matches(m: HttpMatcher, req: HttpRequest): boolean {
  if (typeof m === 'string') return req.url.startsWith(m);
  if (m instanceof RegExp) {
    m.lastIndex = 0;
    return m.test(req.url);
  }
  return m(req) === true;
}

export interface UrlFetchState {
  readonly http: FakeHttp;
  readonly quota: DailyQuota;
}

export function urlFetchAppFacade(x: Execution, state: UrlFetchState): UrlFetchAppLike {
  return x.wrap('UrlFetchApp', new UrlFetchAppFacade(x, state));
}

interface Prepared {
  req: HttpRequest;
  mute: boolean;
  follow: boolean;
}

/** Characters kept as they are when escaping is on (RFC 3986 reserved + unreserved, and '%'). */
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu;

function formEncode(payload: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const k of Object.keys(payload)) {
    const v = payload[k];
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object') throw new EmulatorUnsupported('UrlFetchApp payload fields that are blobs or objects (multipart) are not emulated');
    const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    parts.push(`${enc(k)}=${enc(String(v))}`);
  }
  return parts.join('&');
}

/** Checks a URL against the manifest allowlist: a plain prefix match, or `https://*.example.com/...` for subdomains. */
export function allowedByWhitelist(url: string, list: readonly string[]): boolean {
  return list.some((prefix) => {
    const star = /^https:\/\/\*\.([^/]+)(\/.*)$/.exec(prefix);
    if (!star) return url.startsWith(prefix);
    const u = /^https:\/\/([^/?#]+)(.*)$/.exec(url);
    if (!u) return false;
    const [, host, rest] = u;
    return host.endsWith('.' + star[1]) && (rest.startsWith(star[2]) || rest + '/' === star[2]);
  });
}

/** `<first 147 chars>...` when the text is over 150 characters, else the whole text. */
export function abbreviate(text: string): string {
  return text.length > TRUNCATE_AT ? text.slice(0, TRUNCATE_AT - 3) + '...' : text;
}

function origin(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

class UrlFetchAppFacade implements UrlFetchAppLike {
  constructor(
    private readonly x: Execution,
    private readonly state: UrlFetchState,
  ) {}

  fetch(url: string, params?: FetchOptions): HTTPResponseLike {
    return this._run([this._prepare(url, params ?? {})])[0];
  }

  fetchAll(requests: (FetchRequest | string)[]): HTTPResponseLike[] {
    if (!Array.isArray(requests)) throw new ServiceError('Invalid argument: requests');
    const prepared = requests.map((r) =>
      typeof r === 'string' ? this._prepare(r, {}) : this._prepare((r as FetchRequest | null)?.url as string, (r ?? {}) as FetchOptions),
    );
    return this.x.array(this._run(prepared));
  }

  private _prepare(rawUrl: string, p: FetchOptions): Prepared {
    if (typeof rawUrl !== 'string' || rawUrl === '') throw new ServiceError('Invalid argument: url');
    const url = p.escaping === false ? rawUrl : rawUrl.replace(URL_SAFE, (ch) => encodeURIComponent(ch));
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ServiceError(`Invalid argument: ${rawUrl}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ServiceError(`Invalid argument: ${rawUrl}`);
    if (url.length > MAX_URL_CHARS) throw new ServiceError(URL_TOO_LONG);
    const list = this.x.emu.options.urlFetchWhitelist;
    if (list && !allowedByWhitelist(url, list)) {
      throw new ServiceError(`Request to ${url} failed because the URL has not been whitelisted in the script manifest.`);
    }
    const method = String(p.method ?? 'get').toLowerCase();
    if (!METHODS.has(method)) throw new ServiceError(`Invalid argument: method`);
    if (p.useIntranet) throw new EmulatorUnsupported('UrlFetchApp useIntranet is not emulated');
    const raw = p.payload as unknown;
    let payload = '';
    let hasPayload = false;
    if (raw !== undefined && raw !== null) {
      hasPayload = true;
      if (typeof raw === 'string') payload = raw;
      else if (typeof raw === 'number' || typeof raw === 'boolean') payload = String(raw);
      else if (Array.isArray(raw)) throw new EmulatorUnsupported('UrlFetchApp byte-array payloads are not emulated');
      else if (typeof (raw as { getBytes?: unknown }).getBytes === 'function' || typeof (raw as { copyBlob?: unknown }).copyBlob === 'function') {
        throw new EmulatorUnsupported('UrlFetchApp blob payloads are not emulated');
      } else payload = formEncode(raw as Record<string, unknown>);
    }
    const headers: Record<string, string> = {};
    for (const k of Object.keys(p.headers ?? {})) headers[k] = String((p.headers as Record<string, unknown>)[k]);
    const contentType = p.contentType !== undefined ? String(p.contentType) : hasPayload ? 'application/x-www-form-urlencoded' : '';
    return {
      req: { url, method: method.toUpperCase(), headers, payload, contentType },
      mute: p.muteHttpExceptions === true,
      follow: p.followRedirects !== false,
    };
  }

  /** Sends every request at the same virtual time, advances the clock by the slowest, then answers in order. */
  private _run(batch: Prepared[]): HTTPResponseLike[] {
    const user = this.x.user;
    if (!this.state.quota.take(user, batch.length)) throw new ServiceError(URL_FETCH_QUOTA_MESSAGE);
    const http = this.state.http;
    const start = http.now();
    let slowest = 0;
    const results = batch.map((p) => {
      let req = p.req;
      let elapsed = 0;
      for (let hop = 0; ; hop++) {
        const { res, latencyMs } = http.send(req, user, start + elapsed);
        elapsed += latencyMs;
        if (!res) return { url: req.url, res: null, elapsed, mute: p.mute };
        const location = headerValue(res.headers, 'location');
        if (!p.follow || !REDIRECTS.has(res.status) || location === undefined) return { url: req.url, res, elapsed, mute: p.mute };
        if (hop >= MAX_REDIRECTS) return { url: req.url, res: 'loop' as const, elapsed, mute: p.mute };
        const next = new URL(location, req.url).toString();
        const toGet = res.status === 303 || ((res.status === 301 || res.status === 302) && req.method === 'POST');
        req = toGet ? { url: next, method: 'GET', headers: req.headers, payload: '', contentType: '' } : { ...req, url: next };
      }
    });
    for (const r of results) slowest = Math.max(slowest, r.elapsed);
    this.x.emu.clock.advance(slowest);
    return results.map((r) => {
      if (r.res === null) throw new ServiceError(`DNS error: ${r.url}`);
      if (r.res === 'loop') throw new ServiceError(`Too many redirects: ${r.url}`);
      if (r.res.status >= 400 && !r.mute) {
        throw new ServiceError(
          `Request failed for ${origin(r.url)} returned code ${r.res.status}. Truncated server response: ${abbreviate(r.res.text)} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return this.x.wrap('HTTPResponse', new HttpResponseFacade(this.x, r.res)) as HTTPResponseLike;
    });
  }
}

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const k of Object.keys(headers)) {
    if (k.toLowerCase() === name) {
      const v = headers[k];
      return Array.isArray(v) ? v[0] : v;
    }
  }
  return undefined;
}

class HttpResponseFacade implements HTTPResponseLike {
  constructor(
    private readonly x: Execution,
    private readonly res: Routed,
  ) {}
  getResponseCode(): number {
    return this.res.status;
  }
  getContentText(charset?: string): string {
    if (charset === undefined) return this.res.text;
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(String(charset));
    } catch {
      throw new ServiceError(`Invalid argument: ${charset}`);
    }
    return decoder.decode(Buffer.from(this.res.text, 'utf8'));
  }
  /** UTF-8 bytes of the body as Java bytes (-128..127). */
  getContent(): number[] {
    return this.x.array(Array.from(Buffer.from(this.res.text, 'utf8'), (b) => (b > 127 ? b - 256 : b)));
  }
  getHeaders(): object {
    return this._headers();
  }
  getAllHeaders(): object {
    return this._headers();
  }
  private _headers(): object {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(this.res.headers)) {
      const v = this.res.headers[k];
      out[k] = Array.isArray(v) ? this.x.array(v.map(String)) : String(v);
    }
    return this.x.object(out);
  }
}
