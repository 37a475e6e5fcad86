import type { ChatMessage } from '../../../../contracts/chat.js';
import { Button } from '../../../lib/ui/button.js';
import { cx } from '../../../lib/ui/cx.js';
import { Spinner } from '../../../lib/ui/spinner.js';
import type { PendingMessage } from '../api/use-outbox.js';
import { deliveryState } from '../utils/chat-log.js';
import { formatFull, formatTime } from '../utils/format.js';
import { AttachmentView, PendingAttachment } from './attachment-view.js';

const bubble = 'max-w-[85%] rounded-2xl px-3 py-2 shadow-sm sm:max-w-[70%]';

/** ✓ delivered, ✓✓ read, spelled out for screen readers (and in a tooltip with the time). */
function ReceiptMark({ message }: { message: ChatMessage }) {
  const state = deliveryState(message);
  if (state === 'sent') return <span>Sent</span>;
  const at = state === 'read' ? message.readAt! : message.deliveredAt!;
  const label = state === 'read' ? 'Read' : 'Delivered';
  return (
    <span title={`${label} ${formatFull(at)}`} className="inline-flex items-center">
      <span aria-hidden="true" className="font-semibold tracking-tighter">
        {state === 'read' ? '✓✓' : '✓'}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A stored message: mine on the right with its receipt, theirs on the left. */
export function MessageBubble({
  message,
  mine,
  senderName,
  onMediaLoad,
}: {
  message: ChatMessage;
  mine: boolean;
  senderName: string;
  onMediaLoad?: () => void;
}) {
  return (
    <li
      className={cx('flex', mine ? 'justify-end' : 'justify-start')}
      data-message-id={message.id}
      data-unread-seq={!mine && !message.readAt ? message.seq : undefined}
    >
      <div className={cx(bubble, 'space-y-1', mine ? 'rounded-br-sm bg-brand-700 text-white' : 'rounded-bl-sm bg-slate-100 text-slate-900')}>
        <span className="sr-only">{mine ? 'You' : senderName}: </span>
        {message.attachment && <AttachmentView attachment={message.attachment} mine={mine} onMediaLoad={onMediaLoad} />}
        {message.text && <p className="break-words whitespace-pre-wrap">{message.text}</p>}
        <p className={cx('flex items-center justify-end gap-1.5 text-xs', mine ? 'text-teal-50' : 'text-slate-600')}>
          <time dateTime={message.createdAt} title={formatFull(message.createdAt)}>
            {formatTime(message.createdAt)}
          </time>
          {mine && <ReceiptMark message={message} />}
        </p>
      </div>
    </li>
  );
}

/**
 * One of my messages not stored yet: sending (with upload progress), failed (retry, discard), or
 * refused for what it is (says why; remove only, since sending it again cannot succeed).
 */
export function PendingBubble({
  item,
  onRetry,
  onDiscard,
}: {
  item: PendingMessage;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}) {
  const failed = item.state === 'failed';
  const uploading = !failed && item.file !== null;
  const percent = Math.round((item.progress ?? 0) * 100);
  return (
    <li className="flex justify-end" data-pending={item.state}>
      <div
        className={cx(
          bubble,
          'space-y-1.5 rounded-br-sm border text-slate-900',
          failed ? 'border-red-300 bg-red-50' : 'border-teal-600/40 bg-teal-50',
        )}
      >
        <span className="sr-only">You: </span>
        {item.file && <PendingAttachment file={item.file} preview={!item.refused} />}
        {item.text && <p className="break-words whitespace-pre-wrap">{item.text}</p>}
        {uploading && (
          <progress aria-label={`Uploading ${item.file!.name}`} value={item.progress ?? 0} max={1} className="h-2 w-full accent-brand-700" />
        )}
        <p className={cx('flex items-center justify-end gap-1.5 text-xs', failed ? 'font-medium text-red-800' : 'text-slate-700')}>
          {failed ? (
            <>
              <span aria-hidden="true">⚠</span>
              {item.error}
            </>
          ) : (
            <>
              <Spinner className="size-3" />
              {uploading ? `Uploading… ${percent}%` : 'Sending…'}
            </>
          )}
        </p>
        {(failed || uploading) && (
          <div className="flex flex-wrap justify-end gap-2">
            {failed && !item.refused && (
              <Button size="sm" variant="secondary" onClick={() => onRetry(item.clientId)}>
                Retry<span className="sr-only"> sending this message</span>
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={() => onDiscard(item.clientId)}>
              {item.refused ? (
                <>
                  Remove<span className="sr-only"> {item.file ? item.file.name : 'this message'}</span>
                </>
              ) : failed ? (
                'Discard'
              ) : (
                'Cancel upload'
              )}
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}
