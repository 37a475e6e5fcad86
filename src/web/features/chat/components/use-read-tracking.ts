import { useCallback, useEffect, useRef, type RefObject } from 'react';

const attentive = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Marks the other party's messages read once they are on screen while the tab is visible and
 * focused: it watches the elements carrying `data-unread-seq` inside `container` and reports
 * the highest such seq seen (the server marks everything up to it). "On screen" is measured
 * against the browser's viewport, clipped by the log's scrolling: a message scrolled out of the
 * log, or a chat further down the page than the reader has scrolled, is not read.
 */
export function useReadTracking(container: RefObject<HTMLElement | null>, unreadKey: string, onRead: (upToSeq: number) => void) {
  const visible = useRef(new Set<number>());
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;

  const evaluate = useCallback(() => {
    if (visible.current.size === 0 || !attentive()) return;
    onReadRef.current(Math.max(...visible.current));
  }, []);

  useEffect(() => {
    const list = container.current;
    visible.current = new Set();
    if (!list || !unreadKey) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const seq = Number((entry.target as HTMLElement).dataset.unreadSeq);
          const rootHeight = entry.rootBounds?.height ?? Infinity;
          // Half of it on screen, or, for something taller than that, half the screen.
          const seen = entry.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= rootHeight / 2);
          if (seen) visible.current.add(seq);
          else visible.current.delete(seq);
        }
        evaluate();
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    list.querySelectorAll<HTMLElement>('[data-unread-seq]').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [container, unreadKey, evaluate]);

  useEffect(() => {
    const onVisibility = () => evaluate();
    window.addEventListener('focus', evaluate);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', evaluate);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [evaluate]);
}
