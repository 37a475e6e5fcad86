/** Why the camera or microphone could not be used, in words a patient can act on. */
export type MediaProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'other';

export const PROBLEM_TEXT: Record<MediaProblem, string> = {
  denied: 'The browser was not allowed to use your camera or microphone. Allow them in the address bar (the camera icon), then try again.',
  missing: 'No camera or microphone was found. You can still join: with audio only, or just to watch and listen.',
  busy: 'Your camera or microphone is in use by another application (a video call, a recorder). Close it, then try again.',
  unsupported: 'This browser cannot use a camera here. Use a recent Chrome, Edge, Firefox or Safari, over https.',
  other: 'Your camera or microphone could not be started.',
};

export interface LocalMedia {
  stream: MediaStream;
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  /** Why less than audio and video was obtained, if so. */
  problem: MediaProblem | null;
}

export interface DeviceChoice {
  cameraId?: string;
  microphoneId?: string;
}

/** HD: ask for up to 1080p; a 720p camera gives 720p. */
export const VIDEO_CONSTRAINTS = { width: { ideal: 1920 }, height: { ideal: 1080 }, frameRate: { ideal: 30 } };

const problemOf = (err: unknown): MediaProblem => {
  const name = (err as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  if (name === 'TypeError') return 'unsupported';
  return 'other';
};

/**
 * The camera and microphone, or as much of them as can be had: both, then the microphone
 * alone, then nothing (the person can still watch and listen). Never throws.
 */
export async function openLocalMedia(choice: DeviceChoice = {}, wantVideo = true): Promise<LocalMedia> {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
  if (!md?.getUserMedia) return { stream: new MediaStream(), audio: null, video: null, problem: 'unsupported' };
  const audio = { echoCancellation: true, noiseSuppression: true, autoGainControl: true, ...(choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : {}) };
  const video = { ...VIDEO_CONSTRAINTS, ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : {}) };
  let problem: MediaProblem | null = null;
  if (wantVideo) {
    try {
      return fromStream(await md.getUserMedia({ audio, video }), null);
    } catch (err) {
      problem = problemOf(err);
    }
  }
  try {
    return fromStream(await md.getUserMedia({ audio }), problem);
  } catch (err) {
    return { stream: new MediaStream(), audio: null, video: null, problem: problem ?? problemOf(err) };
  }
}

const fromStream = (stream: MediaStream, problem: MediaProblem | null): LocalMedia => ({
  stream,
  audio: stream.getAudioTracks()[0] ?? null,
  video: stream.getVideoTracks()[0] ?? null,
  problem,
});

/** The screen (or a window) to share, as one video track; null if the person chose nothing. */
export async function openScreen(): Promise<MediaStreamTrack | null> {
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 }, frameRate: { ideal: 15 } }, audio: false });
    const track = stream.getVideoTracks()[0] ?? null;
    if (track) track.contentHint = 'detail';
    return track;
  } catch {
    return null;
  }
}

export interface Devices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

export async function listDevices(): Promise<Devices> {
  const all = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return {
    cameras: all.filter((d) => d.kind === 'videoinput'),
    microphones: all.filter((d) => d.kind === 'audioinput'),
    speakers: all.filter((d) => d.kind === 'audiooutput'),
  };
}

/** Plays through the chosen speaker where the browser lets a page choose (Chromium does). */
export async function playThrough(element: HTMLMediaElement, speakerId: string) {
  const el = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (el.setSinkId) await el.setSinkId(speakerId).catch(() => {});
}

export const stopAll = (stream: MediaStream | null | undefined) => stream?.getTracks().forEach((t) => t.stop());
