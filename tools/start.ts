/**
 * npm start (after npm run build): seeds a demo workbook by running examples/demo.json, then
 * the orders of examples/demo-orders.json (so the daily loop forms have something to pick,
 * pack and ship), through the real bundle; then serves the local preview on 127.0.0.1 and
 * prints its URL. PORT picks the port (default 8080; a free one when that is taken).
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from './replay';
import { startPreview, type Preview } from './preview/server';

const SCENARIO = 'examples/demo.json';
const ORDERS = 'examples/demo-orders.json';

async function main(): Promise<void> {
  const demo = JSON.parse(readFileSync(SCENARIO, 'utf8')) as Scenario;
  const orders = JSON.parse(readFileSync(ORDERS, 'utf8')) as Pick<Scenario, 'calls'>;
  const scenario: Scenario = { ...demo, calls: [...demo.calls, ...orders.calls] };
  const options = { scenario, latencyMs: 250 };
  let preview: Preview;
  try {
    preview = await startPreview({ ...options, port: Number(process.env.PORT ?? 8080) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    preview = await startPreview({ ...options, port: 0 });
  }
  const failed = preview.seeded.results
    .map((r, i) => ({ r: r as { ok?: boolean; errors?: { message: string }[] }, call: scenario.calls[i] }))
    .filter(({ r }) => r?.ok !== true);
  for (const { r, call } of failed) console.warn(`seed call ${call.fn} failed: ${JSON.stringify(r).slice(0, 300)}`);
  const tables = Object.entries(preview.seeded.tables).map(([id, rows]) => `${id} ${rows.length}`).join(', ');
  console.log(`demo workbook from ${SCENARIO} and ${ORDERS}: ${scenario.calls.length} calls, ${failed.length} failed; rows: ${tables}`);
  console.log(`users: ${preview.users.join(', ')} (switch at the top of the page)`);
  console.log(`preview: ${preview.url}  (Ctrl+C to stop)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
