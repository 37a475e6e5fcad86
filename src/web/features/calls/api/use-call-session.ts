import { useEffect, useState, useSyncExternalStore } from 'react';
import { CallSession, type CallView } from '../model/call-session.js';

const idle = () => () => {};

/** One call session per mounted page (made inside the effect, so React's double start in development is harmless). */
export function useCallSession(appointmentId: string): { session: CallSession | null; view: CallView | null } {
  const [session, setSession] = useState<CallSession | null>(null);
  useEffect(() => {
    const s = new CallSession(appointmentId);
    setSession(s);
    void s.start();
    return () => s.stop();
  }, [appointmentId]);
  const view = useSyncExternalStore(session?.subscribe ?? idle, session?.snapshot ?? (() => null));
  return { session, view };
}
