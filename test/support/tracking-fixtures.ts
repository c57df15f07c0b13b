/** Loads test/fixtures/tracking/<provider>/<name>.json (layout: see the README.md next to them). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderResponse, TrackingNumberInput, TrackingRequest } from '../../src/domain/tracking';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/tracking');

export interface TrackingFixture {
  source: string;
  input: TrackingNumberInput[];
  request?: { method: string; url: string; headers: Record<string, string>; contentType?: string; body?: unknown };
  response: ProviderResponse;
}

export function fixture(provider: '17track' | 'ship24' | 'aftership', name: string): TrackingFixture {
  const raw = JSON.parse(readFileSync(resolve(ROOT, provider, name + '.json'), 'utf8')) as {
    source: string;
    input?: TrackingNumberInput[];
    request?: TrackingFixture['request'];
    response: { status: number; headers: Record<string, string>; body: unknown };
  };
  return {
    source: raw.source,
    input: raw.input || [],
    request: raw.request,
    response: {
      status: raw.response.status,
      headers: raw.response.headers,
      body: typeof raw.response.body === 'string' ? raw.response.body : JSON.stringify(raw.response.body),
    },
  };
}

/** A built request next to the fixture's: same method, URL, headers, content type and JSON body. */
export function comparable(r: TrackingRequest): { method: string; url: string; headers: Record<string, string>; contentType?: string; body?: unknown } {
  const out: { method: string; url: string; headers: Record<string, string>; contentType?: string; body?: unknown } = {
    method: r.method,
    url: r.url,
    headers: r.headers,
  };
  if (r.contentType !== undefined) out.contentType = r.contentType;
  if (r.payload !== undefined) out.body = JSON.parse(r.payload) as unknown;
  return out;
}
