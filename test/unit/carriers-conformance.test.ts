/**
 * Conformance of carrier detection against the public tracking-number corpus
 * (tracking_number_data, MIT), kept beside the repo in ../shared/corpus (CI has it there)
 * or wherever TRACKING_CORPUS points. The corpus is read at test time only; none of its
 * files, regexes or samples are copied into the project.
 *
 * What is asserted, per courier file:
 * - valid sample: detectCarrier returns a candidate of the expected carrier whose
 *   checkDigitValid is not false (true, or null for formats without a check digit);
 * - invalid sample, "rejected or flagged invalid": no candidate of the expected carrier
 *   is accepted, i.e. every candidate of that carrier (if any) has checkDigitValid ===
 *   false. A candidate with null counts as accepted: it says "this carrier's shape, nothing
 *   to check", which is exactly what an invalid sample must not get.
 * - an invalid sample that the same file also lists as valid (it is invalid for one
 *   format but valid for a sibling format of the same carrier, e.g. a 12-digit Purolator
 *   number under the alphanumeric format) is skipped and counted in the table.
 * Every courier file must be mapped below (or explicitly marked not covered), so a corpus
 * update with a new courier fails until someone decides.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectCarrier, normalizeTrackingNumber, type CarrierCandidate } from '../../src/domain/carriers';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** TRACKING_CORPUS may name the corpus folder or its couriers/ folder. */
const CORPUS_ROOT = process.env.TRACKING_CORPUS ? resolve(process.env.TRACKING_CORPUS) : resolve(REPO, '../shared/corpus/tracking_number_data');

function corpusCouriersDir(root: string): string | null {
  if (existsSync(join(root, 'couriers'))) return join(root, 'couriers');
  if (existsSync(root) && readdirSync(root).some((f) => f.endsWith('.json') && f !== 'glossary.json')) return root;
  return null;
}

interface Expectation {
  /** What the table prints as the expected carrier. */
  label: string;
  belongs: (c: CarrierCandidate) => boolean;
}

function carriers(...codes: string[]): Expectation {
  return { label: codes.join('|'), belongs: (c) => codes.indexOf(c.carrier) >= 0 };
}

/** S10 items belong to their issuing post: a candidate carrying the number's country code. */
const S10: Expectation = { label: 'post of the S10 country', belongs: (c) => c.country !== undefined && c.country === c.normalized.slice(-2) };

/** Corpus courier_code -> our carrier codes; null = deliberately not covered. */
const COURIERS: Record<string, Expectation | null> = {
  // named in the issue
  ups: carriers('ups'),
  fedex: carriers('fedex'),
  usps: carriers('usps'),
  dhl: carriers('dhl_express', 'dhl_ecommerce'),
  s10: S10,
  amazon: carriers('amazon'),
  dpd: carriers('dpd'),
  canada_post: carriers('canada_post'),
  ontrac: carriers('ontrac'),
  lasership: carriers('lasership'),
  purolator: carriers('purolator'),
  // other public formats the add-on also detects
  canpar: carriers('canpar'),
  gofo: carriers('gofo'),
  landmark: carriers('landmark'),
  old_dominion: carriers('old_dominion'),
  speedee: carriers('speedee'),
  yodel: carriers('yodel'),
  yunexpress: carriers('yunexpress'),
};

/** Finer expectations for entries of a file that map to different codes of ours. */
const ENTRIES: Record<string, Expectation> = {
  dhl_express: carriers('dhl_express'),
  dhl_express_piece_id: carriers('dhl_express'),
  dhl_ecommerce: carriers('dhl_ecommerce'),
  dhl_ecommerce_14: carriers('dhl_ecommerce'),
};

interface CorpusEntry {
  id?: string;
  name: string;
  test_numbers?: { valid?: string[]; invalid?: string[] };
}
interface CorpusFile {
  name: string;
  courier_code: string;
  tracking_numbers: CorpusEntry[];
}

interface Score {
  courier: string;
  expected: string;
  validOk: number;
  validTotal: number;
  invalidOk: number;
  invalidTotal: number;
  skipped: number;
  failures: string[];
}

function accepted(candidates: CarrierCandidate[], expectation: Expectation): CarrierCandidate | undefined {
  return candidates.find((c) => expectation.belongs(c) && c.checkDigitValid !== false);
}

function scoreFile(file: CorpusFile, fallback: Expectation): Score {
  const score: Score = { courier: file.courier_code, expected: fallback.label, validOk: 0, validTotal: 0, invalidOk: 0, invalidTotal: 0, skipped: 0, failures: [] };
  const validInFile = new Set<string>();
  for (const entry of file.tracking_numbers) for (const v of entry.test_numbers?.valid ?? []) validInFile.add(normalizeTrackingNumber(v));
  for (const entry of file.tracking_numbers) {
    const expectation = (entry.id && ENTRIES[entry.id]) || fallback;
    for (const sample of entry.test_numbers?.valid ?? []) {
      score.validTotal++;
      if (accepted(detectCarrier(sample), expectation)) score.validOk++;
      else score.failures.push(`valid not detected [${entry.name}] "${sample}" -> ${describeCandidates(sample)}`);
    }
    for (const sample of entry.test_numbers?.invalid ?? []) {
      if (validInFile.has(normalizeTrackingNumber(sample))) {
        score.skipped++;
        continue;
      }
      score.invalidTotal++;
      if (!accepted(detectCarrier(sample), expectation)) score.invalidOk++;
      else score.failures.push(`invalid accepted [${entry.name}] "${sample}" -> ${describeCandidates(sample)}`);
    }
  }
  return score;
}

function describeCandidates(sample: string): string {
  const list = detectCarrier(sample).map((c) => `${c.carrier}(${c.checkDigitValid})`);
  return list.length ? list.join(', ') : 'no candidate';
}

function table(scores: Score[]): string {
  const rows = [['courier', 'our carrier', 'valid detected', 'invalid rejected', 'skipped']];
  for (const s of scores) rows.push([s.courier, s.expected, `${s.validOk}/${s.validTotal}`, `${s.invalidOk}/${s.invalidTotal}`, String(s.skipped)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

const couriersDir = corpusCouriersDir(CORPUS_ROOT);

if (!couriersDir) {
  describe('carrier conformance corpus', () => {
    it('tracking corpus is absent: conformance not checked', () => {
      const message =
        `Tracking corpus not found at ${CORPUS_ROOT} (../shared/corpus/tracking_number_data beside the repo, or TRACKING_CORPUS): ` +
        'carrier conformance was NOT checked. Set ALLOW_MISSING_CORPUS=1 to accept that.';
      console.warn(message);
      expect(process.env.ALLOW_MISSING_CORPUS, message).toBe('1');
    });
  });
} else {
  const dir = couriersDir;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const scores: Score[] = [];

  describe('carrier conformance corpus', () => {
    afterAll(() => {
      console.log(`Carrier detection vs ${dir}\n${table(scores)}`);
    });

    it('finds courier files', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    for (const f of files) {
      const file = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusFile;
      it(`${file.courier_code} (${f})`, () => {
        expect(Object.keys(COURIERS), `corpus courier "${file.courier_code}" is not mapped in this test`).toContain(file.courier_code);
        const expectation = COURIERS[file.courier_code];
        if (!expectation) {
          scores.push({ courier: file.courier_code, expected: 'not covered', validOk: 0, validTotal: 0, invalidOk: 0, invalidTotal: 0, skipped: 0, failures: [] });
          return;
        }
        const score = scoreFile(file, expectation);
        scores.push(score);
        expect(score.failures).toEqual([]);
        expect(score.validOk).toBe(score.validTotal);
        expect(score.invalidOk).toBe(score.invalidTotal);
      });
    }
  });
}
