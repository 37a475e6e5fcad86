import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { ChatText } from '../../../../contracts/chat.js';
import { Button } from '../../../lib/ui/button.js';
import { cx } from '../../../lib/ui/cx.js';
import { controlClass } from '../../../lib/ui/field.js';
import { ATTACHMENT_ACCEPT, attachmentProblem, formatBytes } from '../utils/format.js';
import { bandAnnouncement, counterText, lengthMessage, messageLength } from '../utils/message-length.js';

function PaperclipIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="m21 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9" />
    </svg>
  );
}

/**
 * Writing: a labelled text area (Enter sends, Shift+Enter starts a new line), an optional
 * attachment with a caption, checked with the server's own rules before anything is sent. Near
 * the length limit a counter shows; over it, sending is off and the box says by how much.
 */
export function Composer({
  recipient,
  textareaRef,
  onSend,
  onTyped,
  onStoppedTyping,
  maxAttachmentBytes,
  hospitalName,
}: {
  recipient: string;
  /** Whose staff can read the chat too. */
  hospitalName?: string;
  maxAttachmentBytes?: number;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onSend: (text: string, file: File | null) => void;
  onTyped: () => void;
  onStoppedTyping: () => void;
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const length = messageLength(text);
  const tooLong = length.band === 'over';
  // Read out when the counter appears and when the message goes over (or back under) the limit,
  // not on every key.
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    setAnnounced(bandAnnouncement(length));
  }, [length.band]);

  const submit = () => {
    if (tooLong) {
      textareaRef.current?.focus();
      return;
    }
    const trimmed = text.trim();
    if (!file || trimmed) {
      const checked = ChatText.safeParse(text);
      if (!checked.success) {
        setError(checked.error.issues[0]?.message ?? 'Write a message');
        textareaRef.current?.focus();
        return;
      }
    }
    onSend(trimmed, file);
    setText('');
    setFile(null);
    setError(null);
    onStoppedTyping();
    textareaRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onChoose = (chosen: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    textareaRef.current?.focus();
    if (!chosen) return;
    const problem = attachmentProblem(chosen, maxAttachmentBytes);
    setError(problem);
    if (!problem) setFile(chosen);
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const lengthId = `${id}-length`;
  const privacyId = `${id}-privacy`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 border-t border-slate-200 bg-white p-3">
      {file && (
        <div className="flex items-center gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 text-sm text-slate-900">
          <PaperclipIcon />
          <span className="min-w-0 flex-1 truncate">
            <span className="sr-only">Attached: </span>
            {file.name} <span className="text-slate-600">· {formatBytes(file.size)}</span>
          </span>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setFile(null);
              textareaRef.current?.focus();
            }}
          >
            Remove<span className="sr-only"> {file.name}</span>
          </Button>
        </div>
      )}
      {error && (
        <p id={errorId} className="flex gap-1 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          {error}
        </p>
      )}
      <div className="flex items-end gap-2">
        <input ref={fileInput} type="file" accept={ATTACHMENT_ACCEPT} className="hidden" tabIndex={-1} onChange={(e) => onChoose(e.target.files?.[0])} />
        <Button variant="secondary" className="shrink-0 px-3" aria-label="Attach a file" title="Attach a file" onClick={() => fileInput.current?.click()}>
          <PaperclipIcon />
        </Button>
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="sr-only">
            Message to {recipient}
          </label>
          <textarea
            ref={textareaRef}
            id={id}
            rows={1}
            value={text}
            placeholder={file ? 'Add a caption (optional)' : 'Write a message…'}
            aria-describedby={[hintId, error ? errorId : null, length.band !== 'ok' ? lengthId : null, privacyId].filter(Boolean).join(' ')}
            aria-invalid={error || tooLong ? true : undefined}
            onChange={(e) => {
              setText(e.target.value);
              if (error) setError(null);
              if (e.target.value) onTyped();
              else onStoppedTyping();
            }}
            onKeyDown={onKeyDown}
            onBlur={onStoppedTyping}
            className={cx(controlClass, 'field-sizing-content max-h-40 resize-none')}
          />
        </div>
        <Button type="submit" className="shrink-0" disabled={tooLong}>
          Send
        </Button>
      </div>
      {length.band !== 'ok' && (
        <p id={lengthId} className={cx('flex flex-wrap justify-between gap-x-3 text-sm', tooLong ? 'font-medium text-red-700' : 'text-slate-700')}>
          <span>
            {tooLong && <span aria-hidden="true">⚠ </span>}
            {lengthMessage(length)}
          </span>
          <span aria-hidden="true" className="tabular-nums">
            {counterText(length)}
          </span>
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
      <p id={hintId} className="hidden text-xs text-slate-600 sm:block">
        Enter sends · Shift+Enter starts a new line · Images, PDF and DICOM files can be attached.
      </p>
      <p id={privacyId} className="text-xs text-slate-600">
        Only you two write here. {hospitalName ? `${hospitalName}’s staff` : 'Your hospital’s staff'} can also read this chat, and every time they do it is recorded.
      </p>
    </form>
  );
}
