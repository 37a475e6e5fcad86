// The ceiling of an HTTP figure: a bare Fastify route returning a constant, in its own process,
// driven like the server. Prints its port.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
console.log((app.server.address() as { port: number }).port);
