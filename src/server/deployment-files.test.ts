import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the deployment files are held to what can be checked without
 * one: compose.yaml and compose.proxy.yaml parse and keep their promises (healthchecks, volumes,
 * no secret value anywhere), and the Dockerfile runs the same commands as the npm scripts.
 */
type Service = { environment?: Record<string, string>; command?: string[] | string; healthcheck?: { test: string[] }; volumes?: string[]; image?: string; build?: string; ports?: unknown[] };
const compose = parse(readFileSync('compose.yaml', 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const proxy = parse(readFileSync('compose.proxy.yaml', 'utf8')) as { services: Record<string, Service> };
const dockerfile = readFileSync('Dockerfile', 'utf8');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

const SECRET = /SECRET|PASSWORD|TOKEN|_KEY/;

describe('compose.yaml', () => {
  it('runs the app, PostgreSQL, Redis and coturn, each with a healthcheck', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db', 'redis', 'turn']);
    for (const [name, s] of Object.entries({ ...compose.services, ...proxy.services })) expect(s.healthcheck?.test, name).toBeDefined();
    expect(compose.services.app!.build).toBe('.');
  });

  it('keeps the database and the uploads on volumes', () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(['db', 'uploads']);
    expect(compose.services.db!.volumes).toContain('db:/var/lib/postgresql/data');
    expect(compose.services.app!.volumes).toContain('uploads:/data');
  });

  it('holds no secret: each comes from the environment, required or empty, never with a value', () => {
    const values: [string, string][] = [];
    for (const [name, s] of Object.entries({ ...compose.services, ...proxy.services })) {
      for (const [key, value] of Object.entries(s.environment ?? {})) values.push([`${name}.${key}`, String(value)]);
      for (const arg of [s.command ?? []].flat()) if (/secret|password/i.test(arg)) values.push([`${name} command`, arg]);
    }
    const secrets = values.filter(([key, value]) => SECRET.test(key) || /secret|password/i.test(value));
    expect(secrets.length).toBeGreaterThan(5);
    for (const [key, value] of secrets) {
      // Only interpolations: `${X:?why}` (required) or `${X:-}` (empty by default), inside other text at most.
      const literal = value.replace(/\$\{[A-Z0-9_]+(:\?[^}]*|:-)?\}/g, '');
      if (SECRET.test(key)) expect(literal, key).toBe('');
      expect(literal, key).not.toMatch(/\$\{|(secret|password)[=:][^\s@]+|\/\/[^:/@]+:[^@]+@/i);
    }
  });

  it('lets every setting the app reads reach it, and documents each in docs/deploy.md', () => {
    const docs = readFileSync('docs/deploy.md', 'utf8');
    for (const key of Object.keys(compose.services.app!.environment!)) expect(docs, key).toContain(`\`${key}\``);
  });
});

describe('Dockerfile', () => {
  it('builds with npm run build and runs what npm run start:prod runs', () => {
    expect(dockerfile).toContain('RUN npm ci');
    expect(dockerfile).toMatch(/RUN npm run build\b/);
    expect(scripts.build).toBeDefined();
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(scripts['start:prod']).toBe(`NODE_ENV=production ${cmd.join(' ')}`);
    expect(dockerfile).toMatch(/ENV NODE_ENV=production/);
  });

  it('is multi-stage, runs as a non-root user, and checks its health', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    // The final stage carries the build and production packages only.
    expect(dockerfile).toContain('npm prune --omit=dev');
  });
});
