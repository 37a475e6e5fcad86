import type { WebSocket } from 'ws';
import type { Actor } from '../modules/accounts/sessions.js';
import type { Topic } from './events.js';
import type { AppointmentRow } from './gateway.js';

export interface Conn {
  socket: WebSocket;
  /** Which endpoint opened it: decides what it may send and how its access is re-checked. */
  kind: string;
  actor: Actor;
  /** When this socket last recorded activity on its session (what a person sends counts; pings do not). */
  session: { id: string; lastSeenAt: Date };
  ip: string;
  userAgent: string | null;
  /** For a chat (or call) socket: its appointment. */
  appointmentId: string | null;
  /** The chat's appointment as last read (at the upgrade, each heartbeat, each change): a message needs no query for it. */
  appointment: AppointmentRow | null;
  /** For a call socket: the room, the side the server decided this person is on, and this socket's id. */
  call: { roomId: string; role: 'doctor' | 'patient'; connId: string } | null;
  alive: boolean;
  budget: { tokens: number; at: number };
}

/**
 * This instance's sockets by room (`user:<id>`, `appointment:<id>`, `hospital:<id>`). A socket
 * hears the events of the rooms it `listens` to; every room it is in can ask it to re-check
 * its session (a chat socket is in its user's room for that, not to hear notifications).
 */
export class Rooms {
  private byRoom = new Map<Topic, Set<Conn>>();
  private roomsOf = new Map<Conn, Topic[]>();
  private listening = new Map<Conn, Set<Topic>>();

  join(conn: Conn, listens: Topic[], alsoIn: Topic[] = []) {
    const rooms = [...new Set([...listens, ...alsoIn])];
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
  in(room: Topic): Conn[] {
    return [...(this.byRoom.get(room) ?? [])];
  }

  /** How many sockets are in the room, without copying them. */
  count(room: Topic): number {
    return this.byRoom.get(room)?.size ?? 0;
  }

  listensTo(conn: Conn, room: Topic): boolean {
    return this.listening.get(conn)?.has(room) ?? false;
  }

  all(): Conn[] {
    return [...this.roomsOf.keys()];
  }
}
