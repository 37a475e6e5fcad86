import { describe, expect, it } from 'vitest';
import { attachmentProblem } from './format.js';

const file = (bytes: number, name = 'lab.pdf', type = 'application/pdf') => new File([new Uint8Array(bytes)], name, { type });

describe('attachmentProblem', () => {
  it('accepts a PDF within the server limit', () => {
    expect(attachmentProblem(file(1000), 2048)).toBeNull();
  });
  it('refuses a file over the limit before uploading, naming both sizes', () => {
    expect(attachmentProblem(file(3 * 1024 * 1024), 2 * 1024 * 1024)).toBe('lab.pdf is 3.0 MB: attachments can be up to 2.0 MB.');
  });
  it('refuses empty files and types the server would refuse', () => {
    expect(attachmentProblem(file(0))).toBe('lab.pdf is empty.');
    expect(attachmentProblem(file(10, 'notes.txt', 'text/plain'))).toMatch(/cannot be sent/);
  });
});
