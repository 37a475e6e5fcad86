import type { CallStats } from '../../../contracts/video.js';

/** Counters kept between two readings, to turn totals into rates. */
export interface StatsSnapshot {
  at: number;
  bytes: number;
  received: number;
  lost: number;
}

/** The pair of candidates the call runs over: what a relay-only call and the quality need. */
export interface SelectedPair {
  local: string | null;
  remote: string | null;
  rttMs: number | null;
}

/**
 * What this side receives, from `getStats`: round-trip time of the selected candidate pair,
 * loss and bitrate since the last reading, jitter, and the video's frame rate and size.
 */
export async function readStats(pc: RTCPeerConnection, previous: StatsSnapshot | null): Promise<{ stats: Omit<CallStats, 'reconnects'>; snapshot: StatsSnapshot }> {
  const report = await pc.getStats();
  let rttMs: number | null = null;
  let video: Record<string, number> | null = null;
  let bytes = 0;
  let received = 0;
  let lost = 0;
  let jitter: number | null = null;
  report.forEach((s: Record<string, unknown>) => {
    if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated && typeof s.currentRoundTripTime === 'number') rttMs = s.currentRoundTripTime * 1000;
    if (s.type === 'inbound-rtp') {
      bytes += Number(s.bytesReceived ?? 0);
      received += Number(s.packetsReceived ?? 0);
      lost += Math.max(0, Number(s.packetsLost ?? 0));
      if (typeof s.jitter === 'number') jitter = Math.max(jitter ?? 0, s.jitter * 1000);
      if (s.kind === 'video') video = s as Record<string, number>;
    }
  });
  const at = performance.now();
  const seconds = previous ? (at - previous.at) / 1000 : 0;
  const bitrateKbps = previous && seconds > 0 ? Math.max(0, ((bytes - previous.bytes) * 8) / 1000 / seconds) : null;
  const expected = previous ? received - previous.received + (lost - previous.lost) : 0;
  const lossPct = previous && expected > 0 ? Math.min(100, Math.max(0, ((lost - previous.lost) / expected) * 100)) : null;
  const v = video as Record<string, number> | null;
  return {
    stats: {
      rttMs: rttMs === null ? null : Math.round(rttMs),
      lossPct: lossPct === null ? null : Math.round(lossPct * 10) / 10,
      jitterMs: jitter === null ? null : Math.round(jitter),
      bitrateKbps: bitrateKbps === null ? null : Math.round(bitrateKbps),
      fps: v?.framesPerSecond ?? null,
      width: v?.frameWidth ?? null,
      height: v?.frameHeight ?? null,
    },
    snapshot: { at, bytes, received, lost },
  };
}

/** The candidate types of the pair in use (`host`, `srflx`, `relay`): a relay-only call shows relay/relay. */
export async function selectedPair(pc: RTCPeerConnection): Promise<SelectedPair> {
  const report = await pc.getStats();
  let pair: Record<string, unknown> | null = null;
  report.forEach((s: Record<string, unknown>) => {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pair = report.get(s.selectedCandidatePairId) as Record<string, unknown>;
  });
  const p = pair as Record<string, unknown> | null;
  if (!p) return { local: null, remote: null, rttMs: null };
  const type = (id: unknown) => ((report.get(id as string) as { candidateType?: string } | undefined)?.candidateType ?? null);
  return { local: type(p.localCandidateId), remote: type(p.remoteCandidateId), rttMs: typeof p.currentRoundTripTime === 'number' ? p.currentRoundTripTime * 1000 : null };
}
