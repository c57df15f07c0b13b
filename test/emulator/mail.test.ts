import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorUnsupported } from '../../tools/emulator/index';

const A = 'a@example.com';
const B = 'b@example.com';

describe('MailApp', () => {
  it('records the object form in the outbox with sender and virtual time', () => {
    const emu = new Emulator({ now: '2026-03-02T08:30:00Z' });
    emu.run({ user: A }, () =>
      MailApp.sendEmail({
        to: 'x@shop.com, Yves <y@shop.com>',
        cc: 'c@shop.com',
        bcc: 'd@shop.com',
        subject: 'Low stock',
        body: 'SKU-1 is low',
        htmlBody: '<b>SKU-1</b> is low',
        name: 'Stock Ledger',
        replyTo: 'support@shop.com',
      }),
    );
    expect(emu.mail).toEqual([
      {
        to: 'x@shop.com, Yves <y@shop.com>',
        cc: 'c@shop.com',
        bcc: 'd@shop.com',
        subject: 'Low stock',
        body: 'SKU-1 is low',
        htmlBody: '<b>SKU-1</b> is low',
        name: 'Stock Ledger',
        replyTo: 'support@shop.com',
        noReply: false,
        from: A,
        at: '2026-03-02T08:30:00.000Z',
        recipients: ['x@shop.com', 'y@shop.com', 'c@shop.com', 'd@shop.com'],
      },
    ]);
    expect(emu.counters.calls['MailApp.sendEmail']).toBe(1);
  });

  it('accepts (recipient, subject, body[, options]) and (to, replyTo, subject, body)', () => {
    const emu = new Emulator();
    emu.run({ user: A }, () => {
      MailApp.sendEmail('x@shop.com', 'S1', 'B1');
      MailApp.sendEmail('x@shop.com', 'S2', 'B2', { cc: 'c@shop.com', htmlBody: '<p>B2</p>', name: 'Ledger' });
      MailApp.sendEmail('x@shop.com', 'r@shop.com', 'S3', 'B3');
    });
    expect(emu.mail.map((m) => [m.to, m.cc, m.subject, m.body, m.htmlBody, m.name, m.replyTo])).toEqual([
      ['x@shop.com', '', 'S1', 'B1', '', '', ''],
      ['x@shop.com', 'c@shop.com', 'S2', 'B2', '<p>B2</p>', 'Ledger', ''],
      ['x@shop.com', '', 'S3', 'B3', '', '', 'r@shop.com'],
    ]);
    expect(() => emu.run({}, () => (MailApp.sendEmail as (...a: unknown[]) => void)('x@shop.com', 'S'))).toThrow(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
  });

  it('decrements the daily quota per recipient (to + cc + bcc), per user', () => {
    const emu = new Emulator();
    const remaining = (user: string) => emu.run({ user }, () => MailApp.getRemainingDailyQuota());
    expect(remaining(A)).toBe(100);
    emu.run({ user: A }, () => MailApp.sendEmail({ to: 'x@shop.com,y@shop.com', cc: 'c@shop.com', bcc: 'd@shop.com', subject: 's', body: 'b' }));
    expect(remaining(A)).toBe(96);
    expect(remaining(B)).toBe(100);
    expect(new Emulator({ workspace: true }).run({}, () => MailApp.getRemainingDailyQuota())).toBe(1500);
  });

  it('throws the quota message at 0 and resets 24 h after the first send of the window', () => {
    const emu = new Emulator({ mailQuota: 3, now: '2026-01-05T09:00:00Z' });
    const send = (to: string) => () => emu.run({ user: A }, () => MailApp.sendEmail(to, 's', 'b'));
    send('x@shop.com')();
    emu.clock.advance(3600_000); // the window still starts at 09:00
    send('x@shop.com,y@shop.com')();
    expect(send('z@shop.com')).toThrow('Service invoked too many times for one day: email.');
    // a message that does not fit in what is left is refused whole
    const emu2 = new Emulator({ mailQuota: 3 });
    emu2.run({}, () => MailApp.sendEmail('x@shop.com', 's', 'b'));
    expect(() => emu2.run({}, () => MailApp.sendEmail('x@shop.com,y@shop.com,z@shop.com', 's', 'b'))).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(emu2.mail).toHaveLength(1);
    // 23 h after the first send: still exhausted; 24 h after it: a fresh window
    emu.clock.set('2026-01-06T08:59:59Z');
    expect(send('z@shop.com')).toThrow('Service invoked too many times for one day: email.');
    emu.clock.set('2026-01-06T09:00:00Z');
    expect(emu.run({ user: A }, () => MailApp.getRemainingDailyQuota())).toBe(3);
    send('z@shop.com')();
    expect(emu.run({ user: A }, () => MailApp.getRemainingDailyQuota())).toBe(2);
    expect(emu.mail).toHaveLength(3);
  });

  it('rejects invalid addresses, no recipient, more than 50 recipients, noReply for consumers', () => {
    const emu = new Emulator();
    const send = (m: GoogleAppsScript.Mail.MailAdvancedParameters) => () => emu.run({}, () => MailApp.sendEmail(m));
    expect(send({ to: 'x@shop.com, not-an-address', subject: 's', body: 'b' })).toThrow('Invalid email: not-an-address');
    expect(send({ to: 'x@shop.com', cc: 'a@b', subject: 's', body: 'b' })).toThrow('Invalid email: a@b');
    expect(send({ to: 'x@shop.com', replyTo: 'nobody', subject: 's', body: 'b' })).toThrow('Invalid email: nobody');
    expect(send({ subject: 's', body: 'b' })).toThrow('Failed to send email: no recipient');
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@shop.com`).join(',');
    expect(send({ to: many, subject: 's', body: 'b' })).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(send({ to: 'x@shop.com', subject: 's', body: 'b', noReply: true })).toThrow(/only available to Google Workspace/);
    expect(send({ to: 'x@shop.com', subject: 'x'.repeat(251), body: 'b' })).toThrow('Argument too large: subject');
    expect(send({ to: 'x@shop.com', subject: 's', body: 'é'.repeat(100 * 1024 + 1) })).toThrow('Limit Exceeded: Email Body Size.');
    expect(emu.mail).toEqual([]);
    expect(emu.run({}, () => MailApp.getRemainingDailyQuota())).toBe(100);
    // 50 is fine, and a Workspace account may use noReply
    send({ to: many.split(',').slice(0, 50).join(','), subject: 's', body: 'b' })();
    const ws = new Emulator({ workspace: true });
    ws.run({}, () => MailApp.sendEmail({ to: 'x@shop.com', subject: 's', body: 'b', noReply: true }));
    expect(ws.mail[0].noReply).toBe(true);
  });

  it('attachments are not emulated', () => {
    const emu = new Emulator();
    expect(() => emu.run({}, () => MailApp.sendEmail({ to: 'x@shop.com', subject: 's', body: 'b', attachments: [{} as never] }))).toThrow(
      EmulatorUnsupported,
    );
    expect(() => emu.run({}, () => (MailApp as unknown as { getDraft(): void }).getDraft())).toThrow(EmulatorUnsupported);
  });

  it('needs AuthMode.FULL: refused in LIMITED and NONE with the send_mail scope', () => {
    const emu = new Emulator();
    const msg = 'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail';
    expect(() => emu.run({ authMode: 'LIMITED' }, () => MailApp.sendEmail('x@shop.com', 's', 'b'))).toThrow(msg);
    expect(() => emu.run({ authMode: 'NONE' }, () => MailApp.sendEmail('x@shop.com', 's', 'b'))).toThrow(msg);
    expect(() => emu.run({ authMode: 'LIMITED' }, () => MailApp.getRemainingDailyQuota())).toThrow(/script\.send_mail/);
    expect(emu.mail).toEqual([]);
  });
});
