/** The parts every mail is made of; `compose` turns them into its plain-text and HTML bodies. */
export interface MailParts {
  /** The hospital the mail is from (or the platform's name for platform-wide accounts). */
  from: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Further links, each on its own line. */
  links?: { label: string; url: string }[];
  /** Why the person gets this mail and what to do if it was not meant for them. */
  footer: string;
}

export const PLATFORM_NAME = 'Telemedicine';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A mail's two bodies from the same parts: plain text for every client, and simple HTML
 * (inline styles, no images or scripts, nothing fetched) for those that show it. Everything
 * put in is text and is escaped here.
 */
export function compose(p: MailParts): { text: string; html: string } {
  const text = [
    p.from,
    '',
    p.greeting,
    '',
    ...p.paragraphs.flatMap((para) => [para, '']),
    ...(p.action ? [`${p.action.label}: ${p.action.url}`, ''] : []),
    ...(p.links ?? []).map((l) => `${l.label}: ${l.url}`),
    ...(p.links?.length ? [''] : []),
    '--',
    p.footer,
  ].join('\n');
  const e = escapeHtml;
  const button = p.action
    ? `<p style="margin:24px 0"><a href="${e(p.action.url)}" style="background:#0f4c81;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${e(p.action.label)}</a></p>
<p style="font-size:13px;color:#475569">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${e(p.action.url)}</span></p>`
    : '';
  const links = (p.links ?? []).map((l) => `<p style="margin:8px 0"><a href="${e(l.url)}" style="color:#0f4c81">${e(l.label)}</a></p>`).join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(p.from)}</title></head>
<body style="margin:0;padding:24px;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-size:14px;font-weight:700;color:#0f4c81">${e(p.from)}</p>
<p>${e(p.greeting)}</p>
${p.paragraphs.map((para) => `<p>${e(para)}</p>`).join('\n')}
${button}
${links}
<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0">
<p style="font-size:12px;color:#475569">${e(p.footer)}</p>
</div></body></html>`;
  return { text, html };
}
