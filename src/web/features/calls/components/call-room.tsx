import { useEffect, useId, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert } from '../../../lib/ui/alert.js';
import { Button, ButtonLink } from '../../../lib/ui/button.js';
import { ConfirmDialog } from '../../../lib/ui/dialog.js';
import { Loading } from '../../../lib/ui/spinner.js';
import { useModalDialog } from '../../../lib/ui/use-modal-dialog.js';
import { PROBLEM_TEXT } from '../../../lib/webrtc/media.js';
import { useCallSession } from '../api/use-call-session.js';
import type { CallView } from '../model/call-session.js';
import { elapsed, linkText, QUALITY_ADVICE, refusalText } from '../utils/call-text.js';
import { CallControls } from './call-controls.js';
import { DevicePicker, type DeviceSelection } from './device-picker.js';
import { QualityBadge } from './quality-badge.js';
import { VideoTile } from './video-tile.js';
import { invalidate, invalidations } from '../../../lib/invalidations.js';

export interface CallPeople {
  /** How this viewer names the other side ("Dr Asha Sharma", "Ram Thapa"). */
  other: string;
  me: string;
}

/** Ticks once a second while mounted: for the call's duration on screen. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The video visit: the other side large, oneself small, the controls, the waiting room while
 * the patient has not been let in, and `aside` (the appointment's chat) beside it all.
 */
export function CallRoom({ appointmentId, people, aside }: { appointmentId: string; people: CallPeople; aside?: ReactNode }) {
  const { session, view } = useCallSession(appointmentId);
  const navigate = useNavigate();
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [ending, setEnding] = useState(false);
  const [devices, setDevices] = useState<DeviceSelection>({});
  const now = useNow();
  const back = `/appointments/${appointmentId}`;
  const queryClient = useQueryClient();
  const phase = view?.phase;
  // The call's end (and its record) changes what the appointment page shows.
  useEffect(() => {
    if (phase === 'ended') void invalidate(queryClient, invalidations.appointmentChanged());
  }, [phase, queryClient]);

  if (!session || !view || view.phase === 'preparing') return <Loading label="Opening the video visit…" />;
  if (view.phase === 'refused')
    return (
      <Alert tone="error" title="You cannot join this video visit now" action={<ButtonLink to={back}>Back to the appointment</ButtonLink>}>
        {refusalText(view.errorCode, view.error)}
      </Alert>
    );
  if (view.phase === 'replaced')
    return (
      <Alert tone="info" title="You joined this visit elsewhere" action={<ButtonLink to={back}>Back to the appointment</ButtonLink>}>
        The visit continues in your other tab or device.
      </Alert>
    );
  if (view.phase === 'ended')
    return (
      <Alert tone="success" title="The video visit has ended" action={<ButtonLink to={back}>{view.role === 'doctor' ? 'Complete the visit' : 'Back to the appointment'}</ButtonLink>}>
        {view.call?.startedAt && view.call.endedAt ? `It lasted ${elapsed(view.call.startedAt, Date.parse(view.call.endedAt))}.` : null}
      </Alert>
    );

  const inCall = view.phase === 'in-call';
  const status = linkText(view.link, view.peerPresent);
  const advice = view.quality.mine ? QUALITY_ADVICE[view.quality.mine] : null;
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
          {inCall && (
            <span className="font-mono font-semibold" aria-label={`Visit time ${elapsed(view.call?.startedAt ?? null, now)}`} data-testid="call-duration">
              {elapsed(view.call?.startedAt ?? null, now)}
            </span>
          )}
          <QualityBadge who="Your connection" quality={inCall ? view.quality.mine : null} />
          <QualityBadge who={`${people.other}'s connection`} quality={inCall ? view.quality.theirs : null} />
        </div>
        <Lobby view={view} people={people} onAdmit={session.admit} />
        {inCall && (
          <div className="relative aspect-video w-full">
            <VideoTile
              stream={view.remoteStream}
              label={view.remote.screen ? `${people.other} is sharing their screen` : people.other}
              cameraOff={!view.remote.video && !view.remote.screen}
              speakerId={devices.speakerId}
              className="size-full"
              testId="remote-video"
            />
            <div className="absolute right-3 bottom-3 w-1/4 min-w-28">
              <VideoTile stream={view.localStream} label={`You (${people.me})`} muted mirrored={!view.local.screen} cameraOff={!view.local.video} className="aspect-video w-full border-2 border-white" testId="local-video" />
            </div>
            <div role="status" aria-live="polite" className="absolute top-3 left-3 flex flex-col gap-1">
              {status && <span className="rounded bg-amber-100 px-2 py-1 text-sm font-medium text-amber-950" data-testid="call-link-status">{status}</span>}
              {!view.peerPresent && <span className="rounded bg-white/90 px-2 py-1 text-sm text-slate-900">{people.other} left the visit; they can come back.</span>}
              {view.peerPresent && !view.remote.audio && <span className="rounded bg-white/90 px-2 py-1 text-sm text-slate-900" data-testid="remote-muted">{people.other} is muted</span>}
            </div>
          </div>
        )}
        {advice && inCall && <Alert tone="warning">{advice}</Alert>}
        {view.mediaProblem && <Alert tone="warning" title="Your camera or microphone">{PROBLEM_TEXT[view.mediaProblem]}</Alert>}
        {view.error && <Alert tone="error">{view.error}</Alert>}
        <CallControls
          view={view}
          onMic={session.toggleAudio}
          onCamera={session.toggleVideo}
          onScreen={() => void (view.local.screen ? session.stopScreen() : session.shareScreen())}
          onDevices={() => setDevicesOpen(true)}
          onLeave={() => navigate(back)}
          onSendBack={session.sendBack}
          onEnd={() => setEnding(true)}
        />
        <p className="text-sm text-slate-700">
          Trouble with your camera or sound? <a className="font-medium text-brand-800 underline" href="/video-call/test-devices" target="_blank" rel="noreferrer">Check your devices</a> in a new tab.
        </p>
      </div>
      {aside && <div className="min-w-0">{aside}</div>}
      <DevicesDialog
        open={devicesOpen}
        value={devices}
        onClose={() => setDevicesOpen(false)}
        onChange={(next) => {
          setDevices(next);
          void session.chooseDevices({ cameraId: next.cameraId, microphoneId: next.microphoneId });
        }}
      />
      <ConfirmDialog
        open={ending}
        title="End the video visit?"
        confirmLabel="End visit"
        tone="danger"
        onClose={() => setEnding(false)}
        onConfirm={() => {
          setEnding(false);
          session.end();
        }}
      >
        The call ends for both of you and its duration is recorded. You then complete the visit with your notes.
      </ConfirmDialog>
    </div>
  );
}

/** Before the call: the patient waits to be let in; the doctor sees who is waiting. */
function Lobby({ view, people, onAdmit }: { view: CallView; people: CallPeople; onAdmit: () => void }) {
  if (view.phase !== 'lobby') return null;
  const preview = <VideoTile stream={view.localStream} label={`You (${people.me})`} muted mirrored cameraOff={!view.local.video} className="aspect-video w-full max-w-xl" testId="local-video" />;
  if (view.role === 'patient')
    return (
      <div className="space-y-3" data-testid="waiting-room">
        <Alert tone="info" title="Waiting room">
          {view.peerPresent ? `${people.other} is here and will let you in.` : 'The doctor will let you in. Please stay on this page.'}
        </Alert>
        {preview}
      </div>
    );
  return (
    <div className="space-y-3">
      {view.peerPresent ? (
        <Alert tone="info" title={`${people.other} is waiting`} action={<Button onClick={onAdmit} pending={view.busy}>Admit {people.other}</Button>}>
          They are in the waiting room.
        </Alert>
      ) : (
        <Alert tone="info" title="Waiting for the patient">
          {people.other} has not joined yet. You will see them here when they arrive.
        </Alert>
      )}
      {preview}
    </div>
  );
}

function DevicesDialog({ open, value, onChange, onClose }: { open: boolean; value: DeviceSelection; onChange: (next: DeviceSelection) => void; onClose: () => void }) {
  const ref = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-slate-900 shadow-xl">
      <div className="space-y-4 p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          Camera, microphone and speaker
        </h2>
        <DevicePicker value={value} onChange={onChange} />
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    </dialog>
  );
}
