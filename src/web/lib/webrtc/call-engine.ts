import type { CallStats, IceConfig } from '../../../contracts/video.js';
import { withStartBitrate } from './sdp.js';
import { readStats, type StatsSnapshot } from './stats.js';

/** What travels to the other side through the signaling socket. */
export interface Signal {
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit | null;
}

export type LinkState = 'new' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

export interface CallEngineOptions {
  ice: IceConfig;
  /**
   * The impolite peer makes the first offer; the polite one answers it with its own tracks on the
   * offered transceivers (no glare at the start), and gives way if both offer later on.
   */
  polite: boolean;
  send(signal: Signal): void;
  onRemoteStream(stream: MediaStream): void;
  onLinkState(state: LinkState): void;
  /** Every couple of seconds while connected: what this side receives. */
  onStats?(stats: CallStats): void;
}

/** How long ICE may stay `disconnected` before this side restarts it (the impolite side first). */
const RESTART_AFTER_MS = { impolite: 2_000, polite: 5_000 };
/** HD from the first frame; after this long connected, resolution may give way on a poor link. */
const HOLD_RESOLUTION_MS = 10_000;
const STATS_EVERY_MS = 2_000;

/**
 * One peer connection to the other side of the call, framework-free:
 * - perfect negotiation (either side may offer; glare and renegotiation are safe);
 * - HD from the first frame: senders keep their resolution while the link ramps up, and every
 *   description sent carries a start bitrate, so the receiver's first decoded frame is 720p;
 *   after a few seconds the senders are `balanced` again, degrading gracefully on a poor link;
 * - camera, microphone and screen swapped with `replaceTrack`, without renegotiation;
 * - ICE restarted when the link drops, and `getStats` read every two seconds.
 */
export class CallEngine {
  readonly pc: RTCPeerConnection;
  /** Tells this connection's signals apart from an earlier one's. */
  readonly id = Math.random().toString(36).slice(2, 12);
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private chain: Promise<void> = Promise.resolve();
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private balanceTimer: ReturnType<typeof setTimeout> | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private lastSnapshot: StatsSnapshot | null = null;
  private restarts = 0;
  private audio: RTCRtpSender | null = null;
  private video: RTCRtpSender | null = null;
  private local: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null; stream: MediaStream } | null = null;
  private closed = false;

  constructor(private readonly options: CallEngineOptions) {
    this.pc = new RTCPeerConnection({ iceServers: options.ice.iceServers, iceTransportPolicy: options.ice.iceTransportPolicy });
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onicecandidate = ({ candidate }) => options.send({ candidate: candidate?.toJSON() ?? null });
    this.pc.ontrack = ({ streams, track }) => options.onRemoteStream(streams[0] ?? new MediaStream([track]));
    this.pc.oniceconnectionstatechange = () => this.onIceState();
  }

  /**
   * Sends what we have (or nothing: a transceiver still receives). Called once, before
   * negotiating, so the senders' settings apply from the first frame.
   */
  async start(local: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null; stream: MediaStream }) {
    this.local = local;
    if (this.options.polite) return; // it answers the first offer with these (attachToOffer)
    const audio = this.pc.addTransceiver(local.audio ?? 'audio', { direction: 'sendrecv', streams: [local.stream] });
    const video = this.pc.addTransceiver(local.video ?? 'video', { direction: 'sendrecv', streams: [local.stream] });
    this.audio = audio.sender;
    this.video = video.sender;
    await setDegradation(video.sender, 'maintain-resolution');
  }

  /** The answerer's tracks go on the transceivers the first offer made: one exchange, nothing to renegotiate. */
  private async attachToOffer() {
    if (this.audio || !this.local) return;
    for (const t of this.pc.getTransceivers()) {
      const kind = t.receiver.track.kind as 'audio' | 'video';
      if ((kind === 'audio' && this.audio) || (kind === 'video' && this.video)) continue;
      await t.sender.replaceTrack(this.local[kind]);
      t.sender.setStreams?.(this.local.stream);
      t.direction = 'sendrecv';
      if (kind === 'audio') this.audio = t.sender;
      else {
        this.video = t.sender;
        await setDegradation(t.sender, 'maintain-resolution');
      }
    }
  }

  /** A signal from the other side, handled one at a time (candidates must not overtake their description). */
  handle(signal: Signal): Promise<void> {
    this.chain = this.chain.then(() => this.apply(signal)).catch((err) => console.warn('signal failed', err));
    return this.chain;
  }

  /** Swaps the camera for a screen (or another camera), or the microphone: no renegotiation. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null) {
    await (kind === 'audio' ? this.audio : this.video)?.replaceTrack(track);
  }

  /** A fresh ICE negotiation: what recovers a call after the network (or a TURN server) came back. */
  restartIce() {
    if (this.closed) return;
    this.restarts++;
    this.options.onLinkState('reconnecting');
    this.pc.restartIce();
  }

  get reconnects() {
    return this.restarts;
  }

  close() {
    this.closed = true;
    for (const timer of [this.restartTimer, this.balanceTimer]) if (timer) clearTimeout(timer);
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = this.pc.oniceconnectionstatechange = null;
    this.pc.close();
    this.options.onLinkState('closed');
  }

  private async offer() {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch (err) {
      console.warn('could not make an offer', err);
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription() {
    const d = this.pc.localDescription;
    if (d) this.options.send({ description: { type: d.type, sdp: d.sdp ? withStartBitrate(d.sdp) : d.sdp } });
  }

  private async apply({ description, candidate }: Signal) {
    if (this.closed) return;
    if (description) {
      const readyForOffer = !this.makingOffer && (this.pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.options.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = description.type === 'answer';
      await this.pc.setRemoteDescription(description);
      this.settingRemoteAnswer = false;
      if (description.type === 'offer') {
        await this.attachToOffer();
        await this.pc.setLocalDescription();
        this.sendDescription();
      }
    } else if (candidate) {
      try {
        await this.pc.addIceCandidate(candidate);
      } catch (err) {
        if (!this.ignoreOffer) throw err;
      }
    }
  }

  private onIceState() {
    const state = this.pc.iceConnectionState;
    if (state === 'connected' || state === 'completed') {
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.restartTimer = null;
      this.options.onLinkState('connected');
      this.startStats();
      this.balanceTimer ??= setTimeout(() => void (this.video && setDegradation(this.video, 'balanced')), HOLD_RESOLUTION_MS);
    } else if (state === 'disconnected' || state === 'failed') {
      this.options.onLinkState('reconnecting');
      // Both sides notice; the impolite one restarts first, the polite one if nothing came of it.
      this.scheduleRestart(this.options.polite ? RESTART_AFTER_MS.polite : RESTART_AFTER_MS.impolite);
    } else if (state === 'checking' || state === 'new') {
      this.options.onLinkState('connecting');
    }
  }

  /**
   * Restarts ICE after `delay`, and again (less and less often) for as long as the link stays
   * down: a link does not come back by itself once its path (a TURN server, a network) is gone.
   */
  private scheduleRestart(delay: number) {
    if (this.restartTimer || this.closed) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      const state = this.pc.iceConnectionState;
      if (state === 'connected' || state === 'completed' || this.closed) return;
      this.restartIce();
      this.scheduleRestart(Math.min(delay * 1.5, 10_000));
    }, delay);
  }

  private startStats() {
    if (this.statsTimer || !this.options.onStats) return;
    this.statsTimer = setInterval(() => void this.sample(), STATS_EVERY_MS);
  }

  private async sample() {
    if (this.closed) return;
    const { stats, snapshot } = await readStats(this.pc, this.lastSnapshot);
    this.lastSnapshot = snapshot;
    this.options.onStats?.({ ...stats, reconnects: this.restarts });
  }
}

async function setDegradation(sender: RTCRtpSender, preference: RTCDegradationPreference) {
  try {
    const params = sender.getParameters();
    params.degradationPreference = preference;
    await sender.setParameters(params);
  } catch (err) {
    console.warn('could not set the degradation preference', err);
  }
}
