import { useCallback, useId, useRef } from 'react';
import type { AppointmentDetail } from '../../../../contracts/appointments.js';
import type { Me } from '../../../../contracts/auth.js';
import { doctorName, personName } from '../../../../contracts/people.js';
import type { SocketStatus } from '../../../lib/realtime/realtime-socket.js';
import { Alert } from '../../../lib/ui/alert.js';
import { cx } from '../../../lib/ui/cx.js';
import { Loading, Spinner } from '../../../lib/ui/spinner.js';
import { QueryError } from '../../../lib/ui/query-error.js';
import { useChat } from '../api/use-chat.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';

/** Who wrote a message, as the viewer names them. */
function senderNames(appointment: AppointmentDetail | undefined) {
  return (senderId: string) => {
    if (!appointment) return 'The other party';
    const { doctor, patient } = appointment;
    return senderId === doctor.id ? doctorName(doctor) : personName(patient);
  };
}

/** The other party as this viewer names them ("Dr Ramesh Adhikari", "Maya Tamang"). */
function otherParty(appointment: AppointmentDetail | undefined, me: Me): string {
  if (!appointment) return me.role === 'patient' ? 'your doctor' : 'the patient';
  const { doctor, patient } = appointment;
  if (me.id === doctor.id) return personName(patient);
  if (me.id === patient.id) return doctorName(doctor);
  return `${doctorName(doctor)} and ${personName(patient)}`;
}

function LiveDot({ status }: { status: SocketStatus }) {
  if (status !== 'open') return null;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-green-800">
      <span aria-hidden="true" className="size-2 rounded-full bg-green-600" />
      Live
    </span>
  );
}

/** Always in the page, so screen readers hear it when the connection drops and returns. */
function ConnectionBanner({ status }: { status: SocketStatus }) {
  return (
    <div role="status" className={cx(status === 'reconnecting' && 'border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950')}>
      {status === 'reconnecting' && (
        <p className="flex items-start gap-2">
          <Spinner className="mt-0.5 size-4 shrink-0 text-amber-800" />
          <span>
            <span className="font-semibold">Reconnecting…</span> New messages will appear when the connection is back.
          </span>
        </p>
      )}
    </div>
  );
}

function readOnlyReason(appointment: AppointmentDetail | undefined, participant: boolean): string {
  if (!participant) return 'Only the patient and the doctor write in this chat; you can read it.';
  switch (appointment?.status) {
    case 'cancelled':
      return 'The appointment was cancelled, so no new messages can be sent. The conversation stays here to read.';
    case 'rejected':
      return 'The request was declined, so no new messages can be sent. The conversation stays here to read.';
    case 'completed':
      return 'The chat closes some days after the visit. The conversation stays here to read; book a new appointment to talk again.';
    default:
      return 'New messages cannot be sent in this chat any more. The conversation stays here to read.';
  }
}

/**
 * The appointment's chat between the patient and the doctor: history, live messages with
 * receipts and typing, attachments, and the connection's state. Read-only once the chat closes.
 */
export function ChatPanel({ appointmentId }: { appointmentId: string }) {
  // Another appointment is another conversation: nothing pending or typed carries over.
  return <AppointmentChat key={appointmentId} appointmentId={appointmentId} />;
}

function AppointmentChat({ appointmentId }: { appointmentId: string }) {
  const chat = useChat(appointmentId);
  const headingId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const focusComposer = useCallback(() => textarea.current?.focus(), []);
  const other = otherParty(chat.appointment, chat.me);
  const participant = chat.me.role === 'patient' || chat.me.role === 'doctor';
  const typingName = chat.typingUserIds.length > 0 ? other : null;

  let body;
  if (chat.log) {
    body = (
      <MessageList
        messages={chat.log.messages}
        pending={chat.pending}
        myId={chat.me.id}
        otherName={other}
        nameOf={senderNames(chat.appointment)}
        canWrite={chat.canWrite}
        hasMoreOlder={chat.log.hasMoreOlder}
        loadingOlder={chat.older.loading}
        olderError={chat.older.error}
        onLoadOlder={chat.loadOlder}
        onRetry={chat.retry}
        onDiscard={chat.discard}
        onRead={chat.markRead}
        fallbackFocus={focusComposer}
      />
    );
  } else if (chat.query.isError) {
    body = (
      <div className="p-4">
        <QueryError error={chat.query.error} title="Could not load the messages" onRetry={() => void chat.query.refetch()} />
      </div>
    );
  } else {
    body = <Loading label="Loading messages…" className="flex-1 justify-center" />;
  }

  // An empty conversation takes only the room its "no messages yet" note needs; one with
  // messages gets a tall scrolling log.
  const empty = !!chat.log && chat.log.messages.length === 0 && chat.pending.length === 0 && !chat.log.hasMoreOlder;
  return (
    <section
      aria-labelledby={headingId}
      className={cx(
        'flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm',
        empty ? 'min-h-0' : 'h-[min(40rem,calc(100dvh-6rem))] min-h-96',
      )}
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            Chat
          </h2>
          <p className="truncate text-sm text-slate-700">With {other}</p>
        </div>
        <LiveDot status={chat.status} />
      </div>
      <ConnectionBanner status={chat.status} />
      {body}
      <p aria-live="polite" className="min-h-6 px-4 text-sm text-slate-700 italic">
        {typingName && `${typingName} is typing…`}
      </p>
      {chat.canWrite ? (
        <Composer
          recipient={other}
          textareaRef={textarea}
          onSend={chat.send}
          onTyped={chat.typed}
          onStoppedTyping={chat.stoppedTyping}
          maxAttachmentBytes={chat.log?.maxAttachmentBytes}
          hospitalName={chat.appointment?.hospitalName}
        />
      ) : (
        chat.log && (
          <div className="border-t border-slate-200 p-3">
            <Alert tone="info" title="This chat is read-only">
              {readOnlyReason(chat.appointment, participant)}
            </Alert>
          </div>
        )
      )}
    </section>
  );
}
