import type { WebSocket } from 'ws';
import type { Actor } from '../modules/accounts/sessions.js';

export interface Conn {
  socket: WebSocket;
  actor: Actor;
  /** The session cookie's token, to re-check the session on every heartbeat. */
  token: string;
  ip: string;
  userAgent: string | null;
  /** For a chat socket: its appointment. */
  appointmentId: string | null;
  alive: boolean;
  budget: { tokens: number; at: number };
}

/** This instance's sockets by room (`user:<id>`, `appointment:<id>`). */
export class Rooms {
  private byRoom = new Map<string, Set<Conn>>();
  private roomsOf = new Map<Conn, string[]>();

  join(conn: Conn, rooms: string[]) {
    this.roomsOf.set(conn, rooms);
    for (const r of rooms) {
      let set = this.byRoom.get(r);
      if (!set) this.byRoom.set(r, (set = new Set()));
      set.add(conn);
    }
  }

  leave(conn: Conn) {
    for (const r of this.roomsOf.get(conn) ?? []) {
      const set = this.byRoom.get(r);
      set?.delete(conn);
      if (set?.size === 0) this.byRoom.delete(r);
    }
    this.roomsOf.delete(conn);
  }

  in(room: string): Conn[] {
    return [...(this.byRoom.get(room) ?? [])];
  }

  all(): Conn[] {
    return [...this.roomsOf.keys()];
  }
}
