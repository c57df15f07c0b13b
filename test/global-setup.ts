import { execFileSync } from 'node:child_process';

/** Bundle and e2e tests run the real build output: build it once per test run. */
export default function setup(): void {
  execFileSync('node', ['tools/build.mjs'], { stdio: 'inherit' });
}
