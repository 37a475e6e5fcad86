import { DeviceCheck } from '../../features/calls/components/device-check.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { PageHeader } from '../../lib/ui/page-header.js';

/** /video-call/test-devices: try the camera, microphone, speaker and connection before a visit. */
export function TestDevicesPage() {
  useDocumentTitle('Check your camera and microphone');
  return (
    <div className="space-y-8">
      <PageHeader title="Check your camera and microphone" description="Try everything before your visit. Nothing you see or say here is sent to anyone." />
      <DeviceCheck />
    </div>
  );
}
