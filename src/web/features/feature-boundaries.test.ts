import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Features stay apart: a feature imports from lib/ and contracts/, never from another feature;
 * lib/ imports no feature. Only app/ puts features together (its routes and layout).
 */
const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const features = join(web, 'features');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The feature a file belongs to, or null outside features/. */
function featureOf(path: string): string | null {
  const rel = relative(features, path);
  return rel.startsWith('..') ? null : rel.split(sep)[0]!;
}

function crossings(files: string[]) {
  const found: string[] = [];
  for (const file of files) {
    const own = featureOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const target = featureOf(resolve(dirname(file), spec));
      if (target !== null && target !== own) found.push(`${relative(web, file)} imports ${spec}`);
    }
  }
  return found;
}

describe('feature boundaries', () => {
  it('no feature imports another feature', () => {
    const files = sources(features);
    expect(files.length).toBeGreaterThan(50);
    expect(crossings(files)).toEqual([]);
  });

  it('lib/ imports no feature', () => {
    expect(crossings(sources(join(web, 'lib')))).toEqual([]);
  });
});
