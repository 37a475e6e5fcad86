import type { CallView } from '../model/call-session.js';
import { Button } from '../../../lib/ui/button.js';
import { cx } from '../../../lib/ui/cx.js';

const toggleClass = (on: boolean) =>
  cx('min-h-11 rounded-full px-4 text-sm font-medium shadow-sm', on ? 'bg-white text-slate-900 hover:bg-slate-100' : 'bg-red-700 text-white hover:bg-red-800');

/**
 * Microphone, camera and (for the doctor) screen: each a toggle whose state is in its name and
 * `aria-pressed`. The doctor also sends the patient back or ends the call; anyone may leave.
 */
export function CallControls({
  view,
  onMic,
  onCamera,
  onScreen,
  onDevices,
  onLeave,
  onSendBack,
  onEnd,
}: {
  view: CallView;
  onMic: () => void;
  onCamera: () => void;
  onScreen: () => void;
  onDevices: () => void;
  onLeave: () => void;
  onSendBack: () => void;
  onEnd: () => void;
}) {
  const { local, role, phase, localStream } = view;
  const hasAudio = !!localStream?.getAudioTracks().length;
  const hasVideo = !!localStream?.getVideoTracks().length;
  const inCall = phase === 'in-call';
  return (
    <div role="toolbar" aria-label="Call controls" className="flex flex-wrap items-center justify-center gap-2 rounded-xl bg-slate-800 p-3">
      <button type="button" className={toggleClass(local.audio)} aria-pressed={hasAudio ? !local.audio : undefined} disabled={!hasAudio} onClick={onMic}>
        {!hasAudio ? 'No microphone' : local.audio ? 'Mute microphone' : 'Unmute microphone'}
      </button>
      <button type="button" className={toggleClass(local.video)} aria-pressed={hasVideo ? !local.video : undefined} disabled={!hasVideo} onClick={onCamera}>
        {!hasVideo ? 'No camera' : local.video ? 'Turn camera off' : 'Turn camera on'}
      </button>
      {role === 'doctor' && inCall && (
        <button type="button" className={toggleClass(!local.screen)} aria-pressed={local.screen} onClick={onScreen}>
          {local.screen ? 'Stop sharing screen' : 'Share screen'}
        </button>
      )}
      <Button variant="secondary" onClick={onDevices}>
        Devices
      </Button>
      {role === 'doctor' && inCall && (
        <Button variant="secondary" onClick={onSendBack} pending={view.busy}>
          Back to waiting room
        </Button>
      )}
      {role === 'doctor' && (inCall || phase === 'lobby') ? (
        <Button variant="danger" onClick={onEnd} pending={view.busy}>
          End visit
        </Button>
      ) : null}
      <Button variant="secondary" onClick={onLeave}>
        Leave
      </Button>
    </div>
  );
}
