/** MailApp facade: messages go to an outbox (emu.mail); the daily quota counts recipients per user (reference section 12). */
import type { MailAppLike, MailOptions } from '../../src/sheets/apps-script';
import { EmulatorUnsupported, ServiceError } from './errors';
import type { Execution } from './execution';
import type { DailyQuota } from './quota';
import type { MailRecord } from './types';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const NO_RECIPIENT = 'Failed to send email: no recipient';
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
export const BODY_TOO_LARGE = 'Limit Exceeded: Email Body Size.';
export const SUBJECT_TOO_LONG = 'Argument too large: subject';
/** Our wording (no source found). */
export const NO_REPLY_CONSUMER = 'The noReply option is only available to Google Workspace accounts.';
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** UNCONFIRMED limit (Gmail's subject limit); the message text is the one Apps Script gives. */
export const MAX_SUBJECT_CHARS = 250;

/** Addresses: local@domain.tld, optionally written `Name <local@domain.tld>`. Our rule (Google's is unpublished). */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export interface MailState {
  readonly outbox: MailRecord[];
  readonly quota: DailyQuota;
}

export function mailAppFacade(x: Execution, state: MailState): MailAppLike {
  return x.wrap('MailApp', new MailAppFacade(x, state));
}

/** Parses a comma-separated address list; throws `Invalid email: <piece>` for a malformed one. */
export function parseAddresses(list: string): string[] {
  const out: string[] = [];
  for (const raw of list.split(',')) {
    const piece = raw.trim();
    if (piece === '') continue;
    const angle = /<([^<>]*)>\s*$/.exec(piece);
    const addr = (angle ? angle[1] : piece).trim();
    if (!ADDRESS.test(addr)) throw new ServiceError(`Invalid email: ${piece}`);
    out.push(addr);
  }
  return out;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

class MailAppFacade implements MailAppLike {
  constructor(
    private readonly x: Execution,
    private readonly state: MailState,
  ) {}

  sendEmail(...given: unknown[]): void {
    const args = [...given];
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const [a, b, c, d] = args;
    const isOptions = (v: unknown): v is MailOptions => typeof v === 'object' && v !== null && !Array.isArray(v);
    let m: MailOptions;
    if (args.length === 1 && isOptions(a)) {
      m = a;
    } else if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string' && args.length === 3) {
      m = { to: a, subject: b, body: c };
    } else if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string' && args.length === 4 && typeof d === 'string') {
      m = { to: a, replyTo: b, subject: c, body: d };
    } else if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string' && args.length === 4 && isOptions(d)) {
      m = { ...d, to: a, subject: b, body: c };
    } else {
      throw new ServiceError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for MailApp.sendEmail.`);
    }
    this._send(m);
  }

  getRemainingDailyQuota(): number {
    return this.state.quota.remaining(this.x.user);
  }

  private _send(m: MailOptions): void {
    const attachments = m.attachments as unknown;
    if (attachments !== undefined && attachments !== null && !(Array.isArray(attachments) && attachments.length === 0)) {
      throw new EmulatorUnsupported('MailApp.sendEmail attachments are not emulated');
    }
    if (m.inlineImages !== undefined && m.inlineImages !== null && Object.keys(m.inlineImages).length > 0) {
      throw new EmulatorUnsupported('MailApp.sendEmail inlineImages are not emulated');
    }
    const to = str(m.to);
    const cc = str(m.cc);
    const bcc = str(m.bcc);
    const recipients = [...parseAddresses(to), ...parseAddresses(cc), ...parseAddresses(bcc)];
    if (recipients.length === 0) throw new ServiceError(NO_RECIPIENT);
    const replyTo = str(m.replyTo).trim();
    if (replyTo !== '') parseAddresses(replyTo);
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw new ServiceError(TOO_MANY_RECIPIENTS);
    const subject = str(m.subject);
    if (subject.length > MAX_SUBJECT_CHARS) throw new ServiceError(SUBJECT_TOO_LONG);
    const body = str(m.body);
    const htmlBody = str(m.htmlBody);
    const workspace = this.x.emu.options.workspace;
    const maxBody = (workspace ? 400 : 200) * 1024;
    if (Buffer.byteLength(body, 'utf8') + Buffer.byteLength(htmlBody, 'utf8') > maxBody) throw new ServiceError(BODY_TOO_LARGE);
    const noReply = m.noReply === true;
    if (noReply && !workspace) throw new ServiceError(NO_REPLY_CONSUMER);
    if (!this.state.quota.take(this.x.user, recipients.length)) throw new ServiceError(MAIL_QUOTA_MESSAGE);
    this.state.outbox.push({
      to,
      cc,
      bcc,
      subject,
      body,
      htmlBody,
      name: str(m.name),
      replyTo,
      noReply,
      from: this.x.user,
      at: new Date(this.x.emu.clock.now()).toISOString(),
      recipients,
    });
  }
}
