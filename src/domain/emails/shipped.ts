/**
 * The "your parcel has shipped" email, in the customer's language. The template may be
 * overridden in Settings (email_shipped_subject_<lang>, email_shipped_body_<lang>) with
 * the named placeholders {customer} {order} {carrier} {tracking_number} {tracking_link}
 * {items} {shop}. Every value placed into the HTML body is escaped.
 */
import { translate, type Language } from '../i18n';
import { escapeHtml } from '../text';

export interface ShippedEmailInput {
  language: Language;
  customerName: string;
  orderId: string;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string;
  items: { name: string; qty: number }[];
  shop: string;
  subjectTemplate?: string;
  bodyTemplate?: string;
}

export interface Email {
  subject: string;
  body: string;
  htmlBody: string;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

export function shippedEmail(input: ShippedEmailInput): Email {
  const lang = input.language;
  const items = input.items.map((i) => `${i.qty} × ${i.name}`);
  const plain: Record<string, string> = {
    customer: input.customerName || translate(lang, 'email.customerFallback'),
    order: input.orderId,
    carrier: input.carrierName,
    tracking_number: input.trackingNumber,
    tracking_link: input.trackingUrl,
    items: items.join('\n'),
    shop: input.shop,
  };
  const subjectTemplate = input.subjectTemplate?.trim() || translate(lang, 'email.shipped.subject');
  const bodyTemplate = input.bodyTemplate?.trim() || translate(lang, 'email.shipped.body');
  const subject = fill(subjectTemplate, plain).replace(/[\r\n]+/g, ' ');
  const body = fill(bodyTemplate, plain);
  const html: Record<string, string> = {};
  for (const [k, v] of Object.entries(plain)) html[k] = escapeHtml(v);
  html.items = items.map((i) => escapeHtml(i)).join('<br>');
  html.tracking_link = input.trackingUrl
    ? `<a href="${escapeHtml(input.trackingUrl)}">${escapeHtml(input.trackingUrl)}</a>`
    : '';
  const htmlBody = escapeHtmlTemplate(bodyTemplate, html);
  return { subject, body, htmlBody: `<div style="font-family:Arial,sans-serif;font-size:14px">${htmlBody}</div>` };
}

/** The template itself is text too: escape it, keep line breaks, then place the values. */
function escapeHtmlTemplate(template: string, values: Record<string, string>): string {
  const parts = template.split(/(\{\w+\})/);
  return parts.map((p) => {
    const m = /^\{(\w+)\}$/.exec(p);
    if (m && m[1] in values) return values[m[1]];
    return escapeHtml(p).replace(/\r?\n/g, '<br>');
  }).join('');
}
