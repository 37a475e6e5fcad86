import { useEffect, useRef, useState } from 'react';
import { IceConfig } from '../../../../contracts/video.js';
import { api, errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { openLocalMedia, playThrough, PROBLEM_TEXT, stopAll, type LocalMedia } from '../../../lib/webrtc/media.js';
import { DevicePicker, type DeviceSelection } from './device-picker.js';
import { VideoTile } from './video-tile.js';

/** How loud the microphone is, 0-100, read from an analyser while the page is open. */
function useMicLevel(stream: MediaStream | null) {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream?.getAudioTracks().length) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
      setLevel(Math.min(100, Math.round(rms * 400)));
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);
  return level;
}

type Reach = { state: 'idle' | 'checking' | 'done' | 'failed'; host: number; srflx: number; relay: number; turnConfigured: boolean; relayOnly: boolean; error?: string };

/** Gathers ICE candidates with the servers a call would use: which ways to the other side exist. */
async function checkConnectivity(): Promise<Reach> {
  const ice = await api.get('/api/video-call/ice-servers', IceConfig);
  const pc = new RTCPeerConnection(ice);
  const found = { host: 0, srflx: 0, relay: 0 };
  pc.createDataChannel('probe');
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 6000);
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return (clearTimeout(timer), resolve());
      const type = candidate.type ?? /typ (\w+)/.exec(candidate.candidate)?.[1];
      if (type === 'host' || type === 'srflx' || type === 'relay') found[type]++;
    };
  });
  await pc.setLocalDescription(await pc.createOffer());
  await done;
  pc.close();
  return { state: 'done', ...found, turnConfigured: ice.iceServers.some((s) => s.urls.some((u) => u.startsWith('turn'))), relayOnly: ice.iceTransportPolicy === 'relay' };
}

/**
 * Before a visit, check the camera (a preview), the microphone (a live level), the speaker (a
 * test sound) and whether the video servers can be reached.
 */
export function DeviceCheck() {
  const [choice, setChoice] = useState<DeviceSelection>({});
  const [media, setMedia] = useState<LocalMedia | null>(null);
  const [reach, setReach] = useState<Reach>({ state: 'idle', host: 0, srflx: 0, relay: 0, turnConfigured: false, relayOnly: false });
  const [played, setPlayed] = useState(false);
  const sound = useRef<HTMLAudioElement>(null);
  const level = useMicLevel(media?.stream ?? null);

  useEffect(() => {
    let cancelled = false;
    let opened: LocalMedia | null = null;
    void openLocalMedia({ cameraId: choice.cameraId, microphoneId: choice.microphoneId }).then((m) => {
      opened = m;
      if (cancelled) stopAll(m.stream);
      else setMedia(m);
    });
    return () => {
      cancelled = true;
      stopAll(opened?.stream);
    };
  }, [choice.cameraId, choice.microphoneId]);

  const playTestSound = async () => {
    const context = new AudioContext();
    const out = context.createMediaStreamDestination();
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = 440;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(out);
    const el = sound.current!;
    el.srcObject = out.stream;
    if (choice.speakerId) await playThrough(el, choice.speakerId);
    await el.play().catch(() => {});
    tone.start();
    tone.stop(context.currentTime + 1);
    tone.onended = () => void context.close();
    setPlayed(true);
  };

  const runCheck = async () => {
    setReach((r) => ({ ...r, state: 'checking' }));
    try {
      setReach(await checkConnectivity());
    } catch (err) {
      setReach((r) => ({ ...r, state: 'failed', error: errorMessage(err) }));
    }
  };

  const ok = reach.relayOnly ? reach.relay > 0 : reach.host + reach.srflx + reach.relay > 0;
  return (
    <>
      <Card>
        <Section title="Devices">
          <DevicePicker value={choice} onChange={setChoice} />
        </Section>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <Section title="Camera">
            <VideoTile stream={media?.stream ?? null} label="Your camera" muted mirrored cameraOff={!!media && !media.video} className="aspect-video w-full" testId="camera-preview" />
            {media?.problem && <Alert tone="warning">{PROBLEM_TEXT[media.problem]}</Alert>}
          </Section>
        </Card>
        <div className="space-y-6">
          <Card>
            <Section title="Microphone" description="Say something: the bar should move.">
              <div role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={level} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
                <div className="h-full bg-green-600 transition-[width]" style={{ width: `${level}%` }} />
              </div>
              {!media?.audio && media && <p className="text-sm text-slate-700">No microphone is in use.</p>}
            </Section>
          </Card>
          <Card>
            <Section title="Speaker" description="You should hear a short tone.">
              <Button variant="secondary" onClick={() => void playTestSound()}>
                Play a test sound
              </Button>
              {played && <p role="status" className="text-sm text-slate-700">Tone played. If you heard nothing, check the volume or choose another speaker.</p>}
              <audio ref={sound} className="hidden" />
            </Section>
          </Card>
          <Card>
            <Section title="Connection" description="Checks that your network can reach the video servers.">
              <Button variant="secondary" onClick={() => void runCheck()} pending={reach.state === 'checking'} pendingLabel="Checking…">
                Check the connection
              </Button>
              <div role="status">
                {reach.state === 'done' &&
                  (ok ? (
                    <Alert tone="success" title="Your network can reach the video service">
                      {reach.relay > 0 ? 'The relay server answered: calls will get through even behind strict firewalls.' : 'A direct connection is possible.'}
                    </Alert>
                  ) : (
                    <Alert tone="error" title="The video service could not be reached">
                      Your network may block video calls. Try another network (mobile data), or ask your IT department to allow it.
                    </Alert>
                  ))}
                {reach.state === 'failed' && <Alert tone="error">{reach.error}</Alert>}
              </div>
            </Section>
          </Card>
        </div>
      </div>
    </>
  );
}
