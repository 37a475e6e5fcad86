import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A 720p camera for Chromium's fake capture (`--use-file-for-fake-video-capture`): Y4M, 1280x720,
 * 20 fps, four frames of a moving gradient. Chromium's built-in fake camera gives whatever size
 * is asked (1080p and more); a real laptop's HD camera gives 720p, and so does this one, which
 * also tells its frames apart from the fake screen's 1920x1080.
 */
export function fakeCamera720p(path: string): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const [w, h, frames] = [1280, 720, 4];
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${w} H${h} F20:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < frames; i++) {
    const luma = Buffer.alloc(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) luma[y * w + x] = (x + y + i * 24) & 0xff;
    parts.push(Buffer.from('FRAME\n'), luma, Buffer.alloc((w * h) / 2, 128));
  }
  writeFileSync(path, Buffer.concat(parts));
  return path;
}
