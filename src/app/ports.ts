/**
 * What a use case needs from the world. src/gas builds these from Apps Script globals;
 * nothing here is a Google type.
 */
import type { Workbook } from '../sheets/workbook';
import type { KeyValueStore } from '../sheets/directory';

export type { Workbook, KeyValueStore };

export interface Clock {
  /** epoch milliseconds */
  now(): number;
}

export interface Lock {
  /** false when another execution held the lock for the whole timeout */
  tryAcquire(timeoutMs: number): boolean;
  release(): void;
}

export interface Identity {
  /** the active user's email, "" when Google hides it */
  email(): string;
  /** the user's locale, e.g. "fr_FR" */
  locale(): string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name?: string;
}

export interface Mail {
  /** recipients this account may still email today */
  remainingQuota(): number;
  send(message: OutgoingMail): void;
}

/** The current user's time-driven triggers of this document (ScriptApp). */
export interface Triggers {
  mine(handler: string): string[];
  createHourly(handler: string): string;
  remove(id: string): void;
}

export interface HttpRequest {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  payload?: string;
  contentType?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** UrlFetchApp: requests sent in parallel, HTTP errors returned, never thrown. */
export interface Http {
  fetchAll(requests: HttpRequest[]): HttpResponse[];
  sleep(ms: number): void;
}

export interface Ports {
  workbook: Workbook;
  clock: Clock;
  lock: Lock;
  /** document properties */
  props: KeyValueStore;
  identity: Identity;
  /** absent where the mail service is not available (tests of other use cases) */
  mail?: Mail;
  triggers?: Triggers;
  http?: Http;
  /** the user's own properties (the trigger owner's notes about runs it could not log) */
  userProps?: KeyValueStore;
}
