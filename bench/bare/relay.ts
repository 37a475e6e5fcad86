// The ceiling of a chat figure: a bare `ws` relay in its own process. The two sockets of a pair
// (`/pair/<id>/`) hear each other's messages as they are, with nothing stored or checked.
// Prints its port.
import { WebSocketServer, type WebSocket } from 'ws';

const pairs = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (ws, req) => {
  const pair = req.url ?? '';
  let set = pairs.get(pair);
  if (!set) pairs.set(pair, (set = new Set()));
  set.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const peer of set!) if (peer !== ws) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => set!.delete(ws));
  ws.send('{"type":"ready"}');
});
wss.on('listening', () => console.log((wss.address() as { port: number }).port));
