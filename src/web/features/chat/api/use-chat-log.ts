import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../contracts/chat.js';
import type { Receipt } from '../../../../contracts/realtime.js';
import { queryKeys } from '../../../lib/query-keys.js';
import * as chatLog from '../utils/chat-log.js';
import type { ChatLog, ReceiptTimes } from '../utils/chat-log.js';
import { fetchAfter, fetchPage } from './chat-api.js';
import type { z } from 'zod';

/**
 * One appointment's messages in the query cache (`queryKeys.chat.history(id)`), kept current by
 * the socket. The first load takes the newest page; every later fetch (a reconnection, a
 * refresh) asks only for what came after what is held, and merges: nothing missed, nothing twice.
 */
export function useChatLog(appointmentId: string, myId: string) {
  const queryClient = useQueryClient();
  const key = useMemo(() => queryKeys.chat.history(appointmentId), [appointmentId]);
  const held = useCallback(() => queryClient.getQueryData<ChatLog>(key), [queryClient, key]);

  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const before = held();
      if (!before) {
        const page = await fetchPage(appointmentId, {}, signal);
        const now = held();
        return now ? chatLog.withNewerPage(now, page) : chatLog.logFromNewestPage(page);
      }
      const page = await fetchAfter(appointmentId, chatLog.catchUpAfter(before, myId), signal);
      // Merge into what is held now: live messages may have arrived during the fetch.
      return chatLog.withNewerPage(held() ?? before, page);
    },
    // The socket keeps it fresh; fetching again happens on (re)connection.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const update = useCallback(
    (change: (log: ChatLog) => ChatLog) => queryClient.setQueryData<ChatLog>(key, (log) => (log ? change(log) : log)),
    [queryClient, key],
  );

  // A receipt can overtake the message it is about (the server hands the message to the other
  // party, receipts it, and only then to this socket): it waits here for its message.
  const early = useRef(new Map<string, ReceiptTimes>());
  const addMessage = useCallback(
    (message: ChatMessage) => {
      const times = early.current.get(message.id);
      if (times) early.current.delete(message.id);
      update((log) => chatLog.withMessage(log, times ? chatLog.withReceiptTimes(message, times) : message));
    },
    [update],
  );
  const applyReceipt = useCallback(
    (receipt: z.infer<typeof Receipt>) => {
      const known = new Set(held()?.messages.map((m) => m.id));
      for (const id of receipt.messageIds) {
        if (known.has(id)) continue;
        early.current.set(id, chatLog.laterReceipt(early.current.get(id), receipt));
        if (early.current.size > 500) early.current.delete(early.current.keys().next().value!);
      }
      update((log) => chatLog.withReceipt(log, receipt));
    },
    [held, update],
  );

  /**
   * After the socket joined the room: fetch what came since. If the first load was still under
   * way it may have read the database before the join, so once it is done, look again.
   */
  const catchUp = useCallback(async () => {
    const hadLog = held() !== undefined;
    await queryClient.refetchQueries({ queryKey: key, exact: true });
    if (!hadLog) await queryClient.refetchQueries({ queryKey: key, exact: true });
  }, [queryClient, held, key]);

  const [older, setOlder] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const loadingOlder = useRef(false);
  const loadOlder = useCallback(async () => {
    const log = held();
    const before = log && chatLog.oldestSeq(log);
    if (!log || !log.hasMoreOlder || before === undefined || loadingOlder.current) return;
    loadingOlder.current = true;
    setOlder({ loading: true, error: null });
    try {
      const page = await fetchPage(appointmentId, { before });
      update((current) => chatLog.withOlderPage(current, page));
      setOlder({ loading: false, error: null });
    } catch (error) {
      setOlder({ loading: false, error });
    } finally {
      loadingOlder.current = false;
    }
  }, [appointmentId, held, update]);

  return { query, addMessage, applyReceipt, catchUp, loadOlder, older };
}
