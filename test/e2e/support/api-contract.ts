/**
 * Compile-time proof that the wire types the sidebar declares (sidebar/api.ts,
 * sidebar/api-daily.ts and sidebar/api-stock.ts, restated there because the sidebar may
 * import only src/domain) are the types the server really returns and accepts. `npx tsc -b` fails here when one side
 * changes without the other.
 */
import type { ServerApi } from '../../../sidebar/api';
import type * as core from '../../../src/gas/entry-points';
import type * as orders from '../../../src/gas/order-entry-points';
import type * as hourly from '../../../src/gas/hourly-entry-points';
import type * as purchases from '../../../src/gas/purchase-entry-points';
import type * as returns from '../../../src/gas/returns-entry-points';

type Server = typeof core & typeof orders & typeof hourly & typeof purchases & typeof returns;

/** the value of the success branch of a server function's RpcResult */
type Value<R> = R extends { ok: true; value: infer V } ? V : never;
/** no distribution over unions: the whole type must fit */
type Fits<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;

/** Every server function the sidebar may call exists and returns what the sidebar expects... */
export type ValuesFit = Assert<{
  [F in keyof ServerApi]: Fits<Value<ReturnType<Server[F]>>, ServerApi[F][1]>;
}[keyof ServerApi]>;

/** ...and accepts what the sidebar sends. */
export type ArgumentsFit = Assert<{
  [F in keyof ServerApi]: Fits<ServerApi[F][0], Parameters<Server[F]>>;
}[keyof ServerApi]>;
