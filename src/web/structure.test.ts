import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The browser app's layers, from the top: `app` (router, layout, routed pages) composes
 * `features`, which use `entities` (what several features know about one resource), which use
 * `lib` (nothing domain-specific), which uses `contracts`. A file imports only from its own
 * layer or a lower one, and a feature or an entity never imports another one: what two of them
 * share moves down a layer. Every routed page lives in `app/routes` and composes features there.
 * Decision record 0005 says why.
 */
const web = dirname(fileURLToPath(import.meta.url));
const src = resolve(web, '..');
const LAYERS = ['app', 'features', 'entities', 'lib', 'contracts'] as const;
type Layer = (typeof LAYERS)[number];
/** Layers made of slices (one folder per domain or resource) that must not import each other. */
const SLICED: readonly Layer[] = ['features', 'entities'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!).filter((s) => s.startsWith('.'));
}

/** Where a file sits: its layer and, in a sliced layer, its slice ("doctors"). */
function place(path: string): { layer: Layer | 'root'; slice: string | null } {
  const fromSrc = relative(src, path).split(sep);
  if (fromSrc[0] === 'contracts') return { layer: 'contracts', slice: null };
  if (fromSrc[0] !== 'web') return { layer: 'root', slice: null };
  const layer = LAYERS.find((l) => l === fromSrc[1]);
  if (!layer) return { layer: 'app', slice: null }; // main.tsx and other files at the web root
  return { layer, slice: SLICED.includes(layer) ? (fromSrc[2] ?? null) : null };
}

function violations() {
  const found: string[] = [];
  for (const file of sourceFiles(web)) {
    if (file.endsWith('.test.ts')) continue;
    const from = place(file);
    for (const specifier of importsOf(file)) {
      const target = resolve(dirname(file), specifier);
      const to = place(target);
      const where = `${relative(web, file)} imports ${specifier}`;
      if (to.layer === 'root') {
        found.push(`${where}: the browser app imports only from src/web and src/contracts`);
        continue;
      }
      if (from.layer === 'root') continue;
      const rankFrom = LAYERS.indexOf(from.layer);
      const rankTo = LAYERS.indexOf(to.layer);
      if (rankTo < rankFrom) found.push(`${where}: ${from.layer} may not import from ${to.layer} (a higher layer)`);
      else if (rankTo === rankFrom && from.slice && to.slice && from.slice !== to.slice) {
        found.push(`${where}: ${from.layer}/${from.slice} may not import ${to.layer}/${to.slice}; move what both need down a layer`);
      }
    }
  }
  return found;
}

describe('the browser app’s structure', () => {
  it('imports only downwards, and never across features or across entities', () => {
    expect(violations()).toEqual([]);
  });

  it('keeps every routed page in app/routes, and only pages there', () => {
    const misplaced = sourceFiles(web)
      .map((file) => relative(web, file))
      .filter((file) => (/-page\.tsx$/.test(file) || file.split(sep).includes('pages')) !== file.startsWith(join('app', 'routes') + sep));
    expect(misplaced).toEqual([]);
    const router = join(web, 'app', 'router.tsx');
    const elsewhere = importsOf(router).filter((s) => !/^\.\/(routes|guards|layout)\//.test(s));
    expect(elsewhere).toEqual([]);
  });

  it('finds the imports it checks (the scan itself works)', () => {
    const file = join(web, 'app', 'routes', 'hospital-detail-page.tsx');
    expect(importsOf(file).some((s) => s.includes('/features/'))).toBe(true);
    expect(place(join(web, 'features', 'doctors', 'api', 'x.ts'))).toEqual({ layer: 'features', slice: 'doctors' });
    expect(place(join(src, 'contracts', 'doctors.ts'))).toEqual({ layer: 'contracts', slice: null });
  });
});
