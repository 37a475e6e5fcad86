import type { ServerEvent } from '../../../../contracts/realtime.js';
import { qualityOf, VideoCallToken, type CallClientEvent, type CallQuality, type CallRole, type CallState, type CallStats, type MediaState } from '../../../../contracts/video.js';
import { api, errorMessage } from '../../../lib/api-client.js';
import { RealtimeSocket, type SocketStatus, type WebSocketLike } from '../../../lib/realtime/realtime-socket.js';
import { CallEngine, type LinkState, type Signal } from '../../../lib/webrtc/call-engine.js';
import { openLocalMedia, openScreen, stopAll, type DeviceChoice, type LocalMedia, type MediaProblem } from '../../../lib/webrtc/media.js';

type IncomingSignal = Extract<ServerEvent, { type: 'call.signal' }>;

export type Phase = 'preparing' | 'lobby' | 'in-call' | 'ended' | 'replaced' | 'refused';

/** Everything the call page shows, as one snapshot (React reads it with useSyncExternalStore). */
export interface CallView {
  phase: Phase;
  role: CallRole | null;
  call: CallState | null;
  socket: SocketStatus;
  link: LinkState;
  /** The other side has a socket in the room. */
  peerPresent: boolean;
  local: MediaState;
  remote: MediaState;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  mediaProblem: MediaProblem | null;
  quality: { mine: CallQuality | null; theirs: CallQuality | null; stats: CallStats | null };
  /** Why the page could not join (a refused token, a closed room). */
  error: string | null;
  errorCode: string | null;
  busy: boolean;
}

const CALL_PROTOCOL = 'tm.video';

/**
 * One person's side of a video visit, framework-free: it fetches the room token, opens the
 * camera and microphone, joins the signaling socket, and keeps one `CallEngine` while the
 * patient is admitted. A fresh peer connection is made whenever either side (re)joins the room,
 * so a reload or a lost socket on either side rejoins the same visit.
 */
export class CallSession {
  private view: CallView = {
    phase: 'preparing',
    role: null,
    call: null,
    socket: 'connecting',
    link: 'new',
    peerPresent: false,
    local: { audio: true, video: true, screen: false },
    remote: { audio: true, video: true, screen: false },
    localStream: null,
    remoteStream: null,
    mediaProblem: null,
    quality: { mine: null, theirs: null, stats: null },
    error: null,
    errorCode: null,
    busy: false,
  };
  private readonly listeners = new Set<() => void>();
  private token: VideoCallToken | null = null;
  private socket: RealtimeSocket | null = null;
  private engine: CallEngine | null = null;
  private media: LocalMedia | null = null;
  private screen: MediaStreamTrack | null = null;
  private queued: IncomingSignal[] = [];
  /** The other side's peer connection ours is negotiating with, once one has spoken. */
  private paired: string | null = null;
  /** The other side's sockets in the room (a reconnect can announce the new one before the old one's goodbye). */
  private readonly peers = new Set<string>();
  /** Our own socket (re)joined: the next admission starts a fresh peer connection. */
  private freshJoin = true;
  /**
   * The doctor's side, while the patient waits: its connection is made and its offer and
   * candidates are ready, held here, so that admitting sends them at once instead of starting to
   * build them (which took as long as the rest of the setup). Nothing leaves before admission.
   */
  private held: Signal[] | null = null;
  /** How many of the held signals went out with the admission (the rest trickled in after it). */
  private sentWithAdmit = 0;
  private stopped = false;

  constructor(
    private readonly appointmentId: string,
    private devices: DeviceChoice = {},
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.view;

  async start() {
    try {
      this.token = await this.fetchToken();
    } catch (err) {
      return this.set({ phase: 'refused', error: errorMessage(err), errorCode: (err as { code?: string }).code ?? null });
    }
    this.media = await openLocalMedia(this.devices);
    if (this.stopped) return stopAll(this.media.stream);
    this.set({
      role: this.token.role,
      localStream: this.media.stream,
      mediaProblem: this.media.problem,
      local: { audio: !!this.media.audio, video: !!this.media.video, screen: false },
    });
    this.openSocket();
  }

  /** Leaves the room: the visit goes on, and either side may come back. */
  stop() {
    this.stopped = true;
    this.engine?.close();
    this.engine = null;
    this.socket?.stop();
    stopAll(this.media?.stream);
    this.screen?.stop();
  }

  // ---- what the person does -------------------------------------------------------------

  /** Admitting hands the readied offer and candidates along: the server passes them on once the patient is in. */
  admit = () => {
    const ready = this.readied ? this.held! : [];
    this.sentWithAdmit = ready.length;
    this.command({ type: 'call.admit', ...(ready.length ? { signals: ready.map((s) => this.wire(this.engine!, s)) } : {}) });
  };
  sendBack = () => this.command({ type: 'call.send-back' });
  end = () => this.command({ type: 'call.end' });

  toggleAudio = () => {
    const track = this.media?.audio;
    if (!track) return;
    track.enabled = !track.enabled;
    this.set({ local: { ...this.view.local, audio: track.enabled } });
    this.sendMedia();
  };

  toggleVideo = () => {
    const track = this.media?.video;
    if (!track) return;
    track.enabled = !track.enabled;
    this.set({ local: { ...this.view.local, video: track.enabled } });
    this.sendMedia();
  };

  /** The doctor's screen replaces the camera in the call (no renegotiation); the camera stays in the preview. */
  shareScreen = async () => {
    if (this.view.role !== 'doctor') return;
    const track = await openScreen();
    if (!track) return;
    this.screen = track;
    track.onended = () => void this.stopScreen();
    await this.engine?.replaceTrack('video', track);
    this.set({ local: { ...this.view.local, screen: true } });
    this.sendMedia();
  };

  stopScreen = async () => {
    this.screen?.stop();
    this.screen = null;
    await this.engine?.replaceTrack('video', this.media?.video ?? null);
    this.set({ local: { ...this.view.local, screen: false } });
    this.sendMedia();
  };

  /** Another camera or microphone: the new track replaces the old one in the call. */
  chooseDevices = async (choice: DeviceChoice) => {
    this.devices = { ...this.devices, ...choice };
    const next = await openLocalMedia(this.devices);
    if (next.audio && this.media?.audio) next.audio.enabled = this.media.audio.enabled;
    if (next.video && this.media?.video) next.video.enabled = this.media.video.enabled;
    stopAll(this.media?.stream);
    this.media = next;
    await this.engine?.replaceTrack('audio', next.audio);
    if (!this.screen) await this.engine?.replaceTrack('video', next.video);
    this.set({ localStream: next.stream, mediaProblem: next.problem, local: { ...this.view.local, audio: !!next.audio?.enabled, video: !!next.video?.enabled } });
  };

  // ---- the signaling socket ---------------------------------------------------------------

  private async fetchToken() {
    return api.post(`/api/appointments/${this.appointmentId}/video-call/token`, {}, VideoCallToken);
  }

  private openSocket() {
    const token = this.token!;
    const socket = new RealtimeSocket({
      path: `/ws/video-call/${token.roomId}/`,
      maxMessageBytes: 64 * 1024,
      // The room token rides beside the subprotocol: never in a URL, never in a log.
      createSocket: (url) => new WebSocket(url, [CALL_PROTOCOL, `tm.token.${this.token!.token}`]) as unknown as WebSocketLike,
    });
    this.socket = socket;
    socket.onStatus((status) => {
      this.set({ socket: status });
      if (status === 'closed') this.onSocketEnd(socket.endReason);
    });
    socket.onReady(() => {
      this.freshJoin = true;
      this.sendMedia();
    });
    socket.onRetry(({ failures }) => {
      // The token may have expired while away: fetch a new one for the next attempt.
      if (failures >= 2) void this.fetchToken().then((t) => (this.token = t), () => {});
    });
    socket.onEvent((event) => this.onEvent(event));
    socket.start();
  }

  private onSocketEnd(reason: string | null) {
    this.closeEngine();
    if (reason === 'replaced') return this.set({ phase: 'replaced' });
    if (reason === 'access_withdrawn') return this.set({ phase: 'ended' });
    if (reason === 'session_ended') return this.set({ phase: 'refused', error: 'You were signed out.', errorCode: 'unauthenticated' });
  }

  private onEvent(event: ServerEvent) {
    switch (event.type) {
      case 'call.state':
        return this.onState(event.state);
      case 'call.peer':
        if (event.role === this.view.role) return;
        if (event.present) {
          // Someone arriving has not heard our mute state yet.
          if (!this.peers.has(event.connId)) this.sendMedia();
          this.peers.add(event.connId);
        } else this.peers.delete(event.connId);
        this.set({ peerPresent: this.peers.size > 0 });
        if (!this.peers.size) this.set({ remoteStream: null });
        // The other side arrived anew (a reload, a lost socket): both start a fresh connection.
        if (event.present && event.hello && this.view.call?.admitted) this.openEngine();
        return;
      case 'call.signal':
        if (event.from === this.view.role) return;
        if (this.engine) this.route(event);
        else this.queued.push(event);
        return;
      case 'call.media':
        if (event.from !== this.view.role) this.set({ remote: { audio: event.audio, video: event.video, screen: event.screen } });
        return;
      case 'call.quality':
        if (event.from !== this.view.role) this.set({ quality: { ...this.view.quality, theirs: event.quality } });
        return;
      case 'error':
        return this.set({ error: event.message, busy: false });
    }
  }

  private onState(call: CallState) {
    const ended = call.status === 'ended';
    this.set({ call, busy: false, phase: ended ? 'ended' : call.admitted ? 'in-call' : 'lobby' });
    if (ended) return this.closeEngine();
    if (!call.admitted) return this.view.role === 'doctor' ? this.prepare() : this.closeEngine();
    if (this.readied) return this.release();
    if (!this.engine || this.freshJoin) this.openEngine();
  }

  /** The doctor's connection was readied in the waiting room and is still good (our socket has not rejoined since). */
  private get readied() {
    return !!this.held && !!this.engine && !this.freshJoin;
  }

  /** The doctor's connection, readied in the waiting room (once per join of our socket). */
  private prepare() {
    if (!this.readied) this.openEngine({ hold: true });
  }

  /** The patient is in: what the admission did not carry goes out, and the connection goes on as any other. */
  private release() {
    const rest = this.held!.slice(this.sentWithAdmit);
    this.held = null;
    this.sentWithAdmit = 0;
    for (const signal of rest) this.sendSignal(this.engine!, signal);
  }

  // ---- the peer connection ----------------------------------------------------------------

  private openEngine({ hold = false } = {}) {
    this.closeEngine();
    this.freshJoin = false;
    this.paired = null;
    this.held = hold ? [] : null;
    this.sentWithAdmit = 0;
    const engine = new CallEngine({
      ice: { iceServers: this.token!.iceServers, iceTransportPolicy: this.token!.iceTransportPolicy },
      // The patient gives way when both offer at once.
      polite: this.view.role === 'patient',
      send: (signal) => (this.held && this.engine === engine ? this.held.push(signal) : this.sendSignal(engine, signal)),
      onRemoteStream: (stream) => this.set({ remoteStream: stream }),
      onLinkState: (link) => this.set({ link }),
      onStats: (stats) => {
        this.set({ quality: { ...this.view.quality, mine: qualityOf(stats), stats } });
        this.socket?.send({ type: 'call.stats', stats });
      },
    });
    this.engine = engine;
    const media = this.media!;
    void engine.start({ audio: media.audio, video: this.screen ?? media.video, stream: media.stream }).then(() => {
      for (const signal of this.queued.splice(0)) if (this.engine === engine) this.route(signal);
    });
  }

  /**
   * Hands a signal to our connection unless it was meant for an earlier one of ours (a reload
   * or a lost socket makes both sides start afresh, and old signals may still be on their way).
   */
  private route(signal: IncomingSignal): void {
    const engine = this.engine!;
    if (signal.target && signal.target !== engine.id) return;
    if (this.paired && signal.engine && signal.engine !== this.paired) {
      // A new connection on the other side that does not know ours yet: start afresh with it.
      if (signal.description?.type !== 'offer' || signal.target) return;
      this.openEngine();
      return this.route(signal);
    }
    if (signal.engine) this.paired = signal.engine;
    void engine.handle(signal);
  }

  private sendSignal(engine: CallEngine, signal: Signal) {
    this.socket?.send({ type: 'call.signal', ...this.wire(engine, signal) });
  }

  /** A signal as it travels: from which of our connections, to which of theirs. */
  private wire(engine: CallEngine, { description, candidate }: Signal) {
    return {
      engine: engine.id,
      target: this.paired ?? undefined,
      description,
      candidate: candidate ? { ...candidate, candidate: candidate.candidate ?? '' } : candidate,
    };
  }

  private closeEngine() {
    this.engine?.close();
    this.engine = null;
    this.held = null;
    this.sentWithAdmit = 0;
    this.queued = [];
    this.set({ remoteStream: null, link: 'new' });
  }

  private command(event: Extract<CallClientEvent, { type: 'call.admit' | 'call.send-back' | 'call.end' }>) {
    this.set({ busy: true, error: null });
    if (!this.socket?.send(event)) this.set({ busy: false, error: 'Not connected: try again in a moment.' });
  }

  private sendMedia() {
    this.socket?.send({ type: 'call.media', ...this.view.local });
  }

  private set(patch: Partial<CallView>) {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }
}
