import type { WebSocket } from 'ws';
import type { Actor } from '../modules/accounts/sessions.js';

export interface Conn {
  socket: WebSocket;
  actor: Actor;
  /** The session cookie's token, to re-check the session on every heartbeat. */
  token: string;
  /** When this socket last recorded activity on its session (what a person sends counts; pings do not). */
  session: { id: string; lastSeenAt: Date };
  ip: string;
  userAgent: string | null;
  /** For a chat socket: its appointment. */
  appointmentId: string | null;
  alive: boolean;
  budget: { tokens: number; at: number };
}

/**
 * This instance's sockets by room (`user:<id>`, `appointment:<id>`, `hospital:<id>`). A socket
 * hears the events of the rooms it `listens` to; every room it is in can ask it to re-check
 * its session (a chat socket is in its user's room for that, not to hear notifications).
 */
export class Rooms {
  private byRoom = new Map<string, Set<Conn>>();
  private roomsOf = new Map<Conn, string[]>();
  private listening = new Map<Conn, Set<string>>();

  join(conn: Conn, listens: string[], alsoIn: string[] = []) {
    const rooms = [...listens, ...alsoIn];
    this.roomsOf.set(conn, rooms);
    this.listening.set(conn, new Set(listens));
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
    this.listening.delete(conn);
  }

  /** Every socket in the room, listening or not. */
  in(room: string): Conn[] {
    return [...(this.byRoom.get(room) ?? [])];
  }

  listensTo(conn: Conn, room: string): boolean {
    return this.listening.get(conn)?.has(room) ?? false;
  }

  all(): Conn[] {
    return [...this.roomsOf.keys()];
  }
}
