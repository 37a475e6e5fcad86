import { useEffect, useState } from 'react';
import { SelectField } from '../../../lib/ui/select-field.js';
import { listDevices, type Devices } from '../../../lib/webrtc/media.js';

export interface DeviceSelection {
  cameraId?: string;
  microphoneId?: string;
  speakerId?: string;
}

/** Choose the camera, microphone and speaker (the speaker where the browser allows it). */
export function DevicePicker({ value, onChange }: { value: DeviceSelection; onChange: (next: DeviceSelection) => void }) {
  const [devices, setDevices] = useState<Devices>({ cameras: [], microphones: [], speakers: [] });
  useEffect(() => {
    const refresh = () => void listDevices().then(setDevices);
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
  }, []);
  const options = (list: MediaDeviceInfo[], kind: string) => list.map((d, i) => ({ value: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <SelectField label="Camera" options={options(devices.cameras, 'Camera')} value={value.cameraId ?? ''} placeholder={devices.cameras.length ? 'Default camera' : 'No camera found'} onChange={(e) => onChange({ ...value, cameraId: e.target.value || undefined })} />
      <SelectField label="Microphone" options={options(devices.microphones, 'Microphone')} value={value.microphoneId ?? ''} placeholder={devices.microphones.length ? 'Default microphone' : 'No microphone found'} onChange={(e) => onChange({ ...value, microphoneId: e.target.value || undefined })} />
      <SelectField label="Speaker" options={options(devices.speakers, 'Speaker')} value={value.speakerId ?? ''} placeholder="Default speaker" onChange={(e) => onChange({ ...value, speakerId: e.target.value || undefined })} />
    </div>
  );
}
