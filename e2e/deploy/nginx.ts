import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * nginx as docs/deploy.md describes it: TLS, WebSocket upgrades, plain round-robin over the
 * instances (no sticky sessions), requests streamed to the app, a refused connection retried on
 * the next instance. Plus a TLS front for the Khalti stand-in (production wants https there).
 */
export function nginxConf(dir: string, o: { port: number; instances: number[]; khaltiPort: number; khaltiUpstream: number; cert: string; key: string }) {
  const temp = join(dir, 'nginx-temp');
  mkdirSync(temp, { recursive: true });
  const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  types { text/html html; }

  map $http_upgrade $connection_upgrade { default upgrade; '' close; }

  upstream app {
${o.instances.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  upstream khalti { server 127.0.0.1:${o.khaltiUpstream}; }

  ssl_certificate ${o.cert};
  ssl_certificate_key ${o.key};
  ssl_protocols TLSv1.2 TLSv1.3;

  server {
    listen 127.0.0.1:${o.port} ssl;
    client_max_body_size 110m;
    proxy_request_buffering off;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
    }
    location = /metrics { return 404; }
  }
  server {
    listen 127.0.0.1:${o.khaltiPort} ssl;
    location / { proxy_pass http://khalti; proxy_set_header Host $host; }
  }
}
`;
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  return file;
}
