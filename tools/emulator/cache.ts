/** CacheService on the virtual clock (reference section 10: 600 s default, 21,600 s max, 250-char keys, 100 KB values, 1,000 items). */
import type { CacheLike, CacheServiceLike } from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import type { Execution } from './execution';

export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21600;
export const CACHE_MAX_KEY = 250;
export const CACHE_MAX_VALUE_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;

interface Entry {
  value: string;
  expires: number;
}
type Store = Map<string, Entry>;

export class CacheStores {
  readonly document: Store = new Map();
  readonly script: Store = new Map();
  readonly users = new Map<string, Store>();
  user(email: string): Store {
    let m = this.users.get(email);
    if (!m) this.users.set(email, (m = new Map()));
    return m;
  }
}

export function cacheServiceFacade(x: Execution, stores: CacheStores): CacheServiceLike {
  return x.wrap('CacheService', new CacheServiceFacade(x, stores));
}

class CacheServiceFacade implements CacheServiceLike {
  constructor(
    private readonly x: Execution,
    private readonly stores: CacheStores,
  ) {}
  getDocumentCache(): CacheLike | null {
    return this.x.wrap('Cache', new CacheFacade(this.x, this.stores.document));
  }
  getScriptCache(): CacheLike {
    return this.x.wrap('Cache', new CacheFacade(this.x, this.stores.script));
  }
  getUserCache(): CacheLike {
    return this.x.wrap('Cache', new CacheFacade(this.x, this.stores.user(this.x.user)));
  }
}

class CacheFacade implements CacheLike {
  constructor(
    private readonly x: Execution,
    private readonly store: Store,
  ) {}
  private _live(key: string): Entry | undefined {
    const e = this.store.get(key);
    if (e && e.expires <= this.x.emu.clock.now()) {
      this.store.delete(key);
      return undefined;
    }
    return e;
  }
  private _put(key: string, value: string, ttl?: number): void {
    const k = String(key);
    const v = String(value);
    if (k.length > CACHE_MAX_KEY) throw new ServiceError('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > CACHE_MAX_VALUE_BYTES) throw new ServiceError('Argument too large: value');
    const s = ttl === undefined ? CACHE_DEFAULT_TTL_S : Math.min(Math.max(1, Number(ttl)), CACHE_MAX_TTL_S);
    this.store.delete(k);
    this.store.set(k, { value: v, expires: this.x.emu.clock.now() + s * 1000 });
    while (this.store.size > CACHE_MAX_ITEMS) this.store.delete(this.store.keys().next().value as string);
  }
  get(key: string): string | null {
    return this._live(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(String(k));
      if (e) out[k] = e.value;
    }
    return this.x.object(out);
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(key, value, expirationInSeconds);
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const k of Object.keys(values)) this._put(k, values[k], expirationInSeconds);
  }
  remove(key: string): void {
    this.store.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.store.delete(String(k));
  }
}
