/** The real type of a file, read from its first bytes; a name or a declared type proves nothing. */
export function sniffType(head: Uint8Array): string | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => head[at + i] === b);
  const ascii = (s: string, at = 0) => starts([...s].map((c) => c.charCodeAt(0)), at);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii('RIFF') && ascii('WEBP', 8)) return 'image/webp';
  if (ascii('GIF87a') || ascii('GIF89a')) return 'image/gif';
  if (ascii('%PDF-')) return 'application/pdf';
  if (ascii('DICM', 128)) return 'application/dicom';
  return null;
}

export const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'application/dicom': 'dcm',
};
