import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientEvent } from '../../../../contracts/realtime.js';

/** "Typing" is said again this often while typing goes on… */
const REPEAT_MS = 3_000;
/** …stops being said after this long without a keystroke… */
const IDLE_MS = 4_000;
/** …and someone else's stops showing if nothing more is heard (a closed tab says nothing). */
const EXPIRE_MS = 7_000;

/** Who else is typing (user ids), and a `typed()` to call on each keystroke of mine. */
export function useTyping(myId: string, sendOnSocket: (event: ClientEvent) => boolean) {
  const [typing, setTyping] = useState<string[]>([]);
  const expiries = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const lastSaid = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);

  const forget = useCallback((userId: string) => {
    const timer = expiries.current.get(userId);
    if (timer) clearTimeout(timer);
    expiries.current.delete(userId);
    setTyping((list) => (list.includes(userId) ? list.filter((id) => id !== userId) : list));
  }, []);

  /** A `chat.typing` from the room (my own echo is ignored). */
  const heard = useCallback(
    (userId: string, isTyping: boolean) => {
      if (userId === myId) return;
      if (!isTyping) return forget(userId);
      const timer = expiries.current.get(userId);
      if (timer) clearTimeout(timer);
      expiries.current.set(userId, setTimeout(() => forget(userId), EXPIRE_MS));
      setTyping((list) => (list.includes(userId) ? list : [...list, userId]));
    },
    [forget, myId],
  );

  const stopped = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (lastSaid.current === 0) return;
    lastSaid.current = 0;
    sendOnSocket({ type: 'chat.typing', typing: false });
  }, [sendOnSocket]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastSaid.current > REPEAT_MS && sendOnSocket({ type: 'chat.typing', typing: true })) lastSaid.current = now;
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopped, IDLE_MS);
  }, [sendOnSocket, stopped]);

  useEffect(() => {
    const timers = expiries.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
      if (idle.current) clearTimeout(idle.current);
    };
  }, []);

  return { typing, heard, forget, typed, stopped };
}
