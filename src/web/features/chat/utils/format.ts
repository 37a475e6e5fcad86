import { ATTACHMENT_TYPES } from '../../../../contracts/chat.js';

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
const dayWithYear = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "9:30 AM" in the viewer's zone. */
export const formatTime = (iso: string) => time.format(new Date(iso));
/** "Nov 24, 2025, 9:30 AM", for tooltips. */
export const formatFull = (iso: string) => full.format(new Date(iso));

/** The viewer's calendar day of an instant, as a key ("2025-11-24"). */
export function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Today", "Yesterday", "Monday, November 24" (with the year when it is not this year). */
export function dayLabel(iso: string, now = new Date()): string {
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (key === dayKey(yesterday.toISOString())) return 'Yesterday';
  const d = new Date(iso);
  return d.getFullYear() === now.getFullYear() ? day.format(d) : dayWithYear.format(d);
}

/** "820 bytes", "14 KB", "2.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the file picker offers: the server checks the bytes; this only spares a wasted upload. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPES, '.png', '.jpg', '.jpeg', '.webp', '.gif', '.pdf', '.dcm'].join(',');

/** Null when the file may be sent, else why not. DICOM files often come without a MIME type. */
export function attachmentProblem(file: File, maxBytes?: number): string | null {
  const known = (ATTACHMENT_TYPES as readonly string[]).includes(file.type);
  const dicom = /\.dcm$/i.test(file.name) && (file.type === '' || file.type === 'application/octet-stream');
  if (!known && !dicom) return `${file.name} cannot be sent: attach an image (PNG, JPEG, WebP or GIF), a PDF or a DICOM file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (maxBytes !== undefined && file.size > maxBytes) return `${file.name} is ${formatBytes(file.size)}: attachments can be up to ${formatBytes(maxBytes)}.`;
  return null;
}

export const isImage = (type: string) => type.startsWith('image/');
