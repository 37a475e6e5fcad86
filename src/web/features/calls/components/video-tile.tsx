import { useEffect, useRef } from 'react';
import { cx } from '../../../lib/ui/cx.js';
import { playThrough } from '../../../lib/webrtc/media.js';

/** A live video (or a still placeholder) with the name of whose it is. */
export function VideoTile({
  stream,
  label,
  muted,
  mirrored,
  speakerId,
  cameraOff,
  className,
  testId,
}: {
  stream: MediaStream | null;
  label: string;
  /** One's own preview never plays back one's own voice. */
  muted?: boolean;
  mirrored?: boolean;
  speakerId?: string;
  cameraOff?: boolean;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    if (ref.current && speakerId) void playThrough(ref.current, speakerId);
  }, [speakerId]);
  return (
    <figure className={cx('relative overflow-hidden rounded-xl bg-slate-900', className)}>
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={muted}
        data-testid={testId}
        aria-label={label}
        className={cx('size-full object-contain', mirrored && '-scale-x-100', (!stream || cameraOff) && 'invisible')}
      />
      {(!stream || cameraOff) && (
        <div className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-slate-200">
          {cameraOff ? 'Camera off' : 'No video yet'}
        </div>
      )}
      <figcaption className="absolute bottom-2 left-2 max-w-[80%] truncate rounded bg-slate-900/80 px-2 py-0.5 text-xs font-medium text-white">{label}</figcaption>
    </figure>
  );
}
