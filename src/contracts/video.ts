import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

export const VideoCallStatus = z.enum(['not_started', 'waiting', 'in_progress', 'ended']);
export type VideoCallStatus = z.infer<typeof VideoCallStatus>;

/** Who someone is in a call. The server decides it from the appointment, never the browser. */
export const CallRole = z.enum(['doctor', 'patient']);
export type CallRole = z.infer<typeof CallRole>;

export const IceServer = z.object({
  urls: z.array(z.string()),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export const IceConfig = z.object({
  iceServers: z.array(IceServer),
  /** `relay` when VIDEO_RELAY_ONLY is set: media goes through TURN, no address is shown to the other side. */
  iceTransportPolicy: z.enum(['all', 'relay']),
});
export type IceConfig = z.infer<typeof IceConfig>;

/** What `POST /api/appointments/:id/video-call/token` answers: a room token and how to reach the other side. */
export const VideoCallToken = IceConfig.extend({
  token: z.string(),
  roomId: Id,
  appointmentId: Id,
  role: CallRole,
  expiresAt: IsoDateTime,
});
export type VideoCallToken = z.infer<typeof VideoCallToken>;

/** One side's view of the link, measured with getStats every few seconds. */
export const CallStats = z.object({
  rttMs: z.number().min(0).max(60_000).nullable(),
  /** Share of the packets expected in the last interval that were lost, 0-100. */
  lossPct: z.number().min(0).max(100).nullable(),
  jitterMs: z.number().min(0).max(60_000).nullable(),
  /** What this side receives. */
  bitrateKbps: z.number().min(0).max(1_000_000).nullable(),
  fps: z.number().min(0).max(240).nullable(),
  width: z.number().int().min(0).max(8192).nullable(),
  height: z.number().int().min(0).max(8192).nullable(),
  /** ICE restarts this side has made since it joined. */
  reconnects: z.number().int().min(0).max(10_000),
});
export type CallStats = z.infer<typeof CallStats>;

export const CallQuality = z.enum(['good', 'fair', 'poor']);
export type CallQuality = z.infer<typeof CallQuality>;

/**
 * Good / fair / poor from one side's measurements: round-trip time, loss and, when video is
 * received, its frame rate. One rule for the server's relay and the page's indicator.
 */
export function qualityOf(s: Pick<CallStats, 'rttMs' | 'lossPct' | 'fps' | 'bitrateKbps'>): CallQuality {
  const rtt = s.rttMs ?? 0;
  const loss = s.lossPct ?? 0;
  const receivingVideo = (s.bitrateKbps ?? 0) > 100;
  const fps = receivingVideo ? (s.fps ?? 0) : 30;
  if (rtt > 400 || loss > 8 || fps < 8) return 'poor';
  if (rtt > 150 || loss > 2 || fps < 15) return 'fair';
  return 'good';
}

/** The quality summary saved on the appointment when the call ends: for the doctor and the hospital's admins. */
export const CallSummary = z.object({
  durationSeconds: z.number().int(),
  avgRttMs: z.number().nullable(),
  packetLossPct: z.number().nullable(),
  maxWidth: z.number().int().nullable(),
  maxHeight: z.number().int().nullable(),
  reconnections: z.number().int(),
  samples: z.number().int(),
});
export type CallSummary = z.infer<typeof CallSummary>;

const SessionDescription = z.object({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(60_000).optional() });
const IceCandidate = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
const SignalRouting = z.object({ engine: z.string().max(64).optional(), target: z.string().max(64).optional() });
const Signal = z.object({ ...SignalRouting.shape, description: SessionDescription.optional(), candidate: IceCandidate.nullable().optional() });

export const MediaState = z.object({ audio: z.boolean(), video: z.boolean(), screen: z.boolean() });
export type MediaState = z.infer<typeof MediaState>;

/** What a browser may send on `/ws/video-call/<roomId>/`. The doctor's actions are refused from the patient. */
export const CallClientEvent = z.discriminatedUnion('type', [
  /**
   * WebRTC negotiation for the other side (perfect negotiation: either may offer). `engine` is the
   * sender's peer connection, `target` the receiver's it answers: a page that made a fresh
   * connection ignores what was meant for its old one.
   */
  z.object({ type: z.literal('call.signal'), ...Signal.shape }),
  z.object({ type: z.literal('call.media'), ...MediaState.shape }),
  z.object({ type: z.literal('call.stats'), stats: CallStats }),
  /**
   * `signals`: what the doctor's connection readied while the patient waited (its offer and
   * candidates), passed to the patient right after the news that they are in: the doctor's page
   * need not wait for that news to send them.
   */
  z.object({ type: z.literal('call.admit'), signals: z.array(Signal).max(50).optional() }),
  z.object({ type: z.literal('call.send-back') }),
  z.object({ type: z.literal('call.end') }),
]);
export type CallClientEvent = z.infer<typeof CallClientEvent>;

/** The call as the server holds it. */
export const CallState = z.object({
  status: VideoCallStatus,
  /** The patient is in the call (not in the waiting room). */
  admitted: z.boolean(),
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
});
export type CallState = z.infer<typeof CallState>;

/** What the server sends on a call socket (besides `ready`, `pong` and `error`). */
export const CallServerEvents = [
  z.object({ type: z.literal('call.state'), appointmentId: Id, state: CallState }),
  /** Someone's socket came or went. `hello`: they just arrived and want to know who is there. */
  z.object({ type: z.literal('call.peer'), role: CallRole, userId: Id, connId: z.string(), present: z.boolean(), hello: z.boolean() }),
  z.object({ type: z.literal('call.signal'), from: CallRole, connId: z.string(), ...SignalRouting.shape, description: SessionDescription.optional(), candidate: IceCandidate.nullable().optional() }),
  z.object({ type: z.literal('call.media'), from: CallRole, ...MediaState.shape }),
  z.object({ type: z.literal('call.quality'), from: CallRole, quality: CallQuality, stats: CallStats }),
] as const;
