/** PropertiesService: document/script stores shared by all users, a user store per user (reference section 10). */
import type { PropertiesLike, PropertiesServiceLike } from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import type { Execution } from './execution';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  readonly users = new Map<string, Map<string, string>>();
  user(email: string): Map<string, string> {
    let m = this.users.get(email);
    if (!m) this.users.set(email, (m = new Map()));
    return m;
  }
}

export function propertiesServiceFacade(x: Execution, stores: PropertyStores): PropertiesServiceLike {
  return x.wrap('PropertiesService', new PropertiesServiceFacade(x, stores));
}

class PropertiesServiceFacade implements PropertiesServiceLike {
  constructor(
    private readonly x: Execution,
    private readonly stores: PropertyStores,
  ) {}
  getDocumentProperties(): PropertiesLike | null {
    return this.x.wrap('Properties', new PropertiesFacade(this.x, this.stores.document));
  }
  getScriptProperties(): PropertiesLike {
    return this.x.wrap('Properties', new PropertiesFacade(this.x, this.stores.script));
  }
  getUserProperties(): PropertiesLike {
    return this.x.wrap('Properties', new PropertiesFacade(this.x, this.stores.user(this.x.user)));
  }
}

/** Checks and applies a whole change atomically. */
function commit(store: Map<string, string>, next: Map<string, string>): void {
  let total = 0;
  for (const [k, v] of next) {
    if (bytes(v) > MAX_VALUE_BYTES) throw new ServiceError(VALUE_TOO_LARGE);
    total += bytes(k) + bytes(v);
  }
  if (total > MAX_STORE_BYTES) throw new ServiceError(STORE_FULL);
  store.clear();
  for (const [k, v] of next) store.set(k, v);
}

class PropertiesFacade implements PropertiesLike {
  constructor(
    private readonly x: Execution,
    private readonly store: Map<string, string>,
  ) {}
  private _self(): PropertiesLike {
    return this.x.wrap('Properties', this);
  }
  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): PropertiesLike {
    const next = new Map(this.store);
    next.set(String(key), String(value));
    commit(this.store, next);
    return this._self();
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): PropertiesLike {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const k of Object.keys(properties)) next.set(k, String(properties[k]));
    commit(this.store, next);
    return this._self();
  }
  getProperties(): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const [k, v] of this.store) out[k] = v;
    return this.x.object(out);
  }
  deleteProperty(key: string): PropertiesLike {
    this.store.delete(String(key));
    return this._self();
  }
  deleteAllProperties(): PropertiesLike {
    this.store.clear();
    return this._self();
  }
  getKeys(): string[] {
    return this.x.array([...this.store.keys()]);
  }
}
