import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { DetailList } from '../../../lib/ui/detail-list.js';

const minutes = (seconds: number) => (seconds < 60 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`);

/**
 * The video visit on the appointment page: a way in for the doctor and the patient once the
 * visit is confirmed (the room opens shortly before its time), and afterwards how long it
 * lasted, with the call's quality for the doctor and the hospital's admins.
 */
export function VideoVisit({ appointment: a, viewer }: { appointment: AppointmentDetail; viewer: 'patient' | 'doctor' | 'staff' }) {
  const joinable = viewer !== 'staff' && (a.status === 'confirmed' || a.status === 'in_progress') && a.videoCallStatus !== 'ended';
  const summary = a.videoCallSummary;
  if (!joinable && a.callDuration === null) return null;
  return (
    <Section title="Video visit">
      <Card>
        {joinable ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-800">
              {a.status === 'in_progress'
                ? viewer === 'doctor'
                  ? 'The visit has started. Rejoin the call if you left it.'
                  : 'The visit has started. Join: the doctor will let you in.'
                : 'The video room opens 15 minutes before the visit. You will wait there until the doctor lets you in.'}
            </p>
            <div className="flex flex-wrap gap-2">
              <ButtonLink to={`/video-call/${a.id}`}>{a.status === 'in_progress' ? 'Rejoin the video visit' : 'Join the video visit'}</ButtonLink>
              <ButtonLink to="/video-call/test-devices" variant="secondary">
                Check your camera and microphone
              </ButtonLink>
            </div>
          </div>
        ) : (
          <DetailList
            items={[
              { label: 'Call length', value: minutes(a.callDuration ?? 0) },
              ...(summary
                ? [
                    { label: 'Round-trip time', value: summary.avgRttMs === null ? 'Not measured' : `${summary.avgRttMs} ms on average` },
                    { label: 'Packet loss', value: summary.packetLossPct === null ? 'Not measured' : `${summary.packetLossPct}% on average` },
                    { label: 'Best video received', value: summary.maxWidth ? `${summary.maxWidth}×${summary.maxHeight}` : 'None' },
                    { label: 'Reconnections', value: String(summary.reconnections) },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
    </Section>
  );
}
