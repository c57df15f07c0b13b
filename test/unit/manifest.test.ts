import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { urlFetchWhitelist } from '../../src/domain/tracking';

it('allows exactly the tracking providers\' API prefixes in urlFetchWhitelist', () => {
  const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8'));
  expect([...manifest.urlFetchWhitelist].sort()).toEqual(urlFetchWhitelist().sort());
  for (const prefix of manifest.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/[^/]+\/.*\/$/);
});
