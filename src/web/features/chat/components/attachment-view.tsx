import { useEffect, useState } from 'react';
import type { ChatMessage } from '../../../../contracts/chat.js';
import { cx } from '../../../lib/ui/cx.js';
import { formatBytes, isImage } from '../utils/format.js';

type Attachment = NonNullable<ChatMessage['attachment']>;

function kindOf(type: string) {
  if (type === 'application/pdf') return 'PDF';
  if (type === 'application/dicom') return 'DICOM image';
  if (isImage(type)) return type.replace('image/', '').toUpperCase();
  return 'File';
}

function FileIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5M9 13h6M9 17h4" />
    </svg>
  );
}

/** A stored attachment: images inline (opening full size), other files as a download. */
export function AttachmentView({ attachment, mine, onMediaLoad }: { attachment: Attachment; mine: boolean; onMediaLoad?: () => void }) {
  if (isImage(attachment.type)) {
    return (
      <a href={attachment.url} target="_blank" rel="noopener noreferrer" className="block">
        <img
          src={attachment.url}
          alt={`Image ${attachment.name}`}
          loading="lazy"
          onLoad={onMediaLoad}
          className="max-h-64 w-auto max-w-full rounded-lg bg-white object-contain"
        />
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    );
  }
  return (
    <a
      href={attachment.url}
      download={attachment.name}
      className={cx(
        'flex min-h-11 items-center gap-2 rounded-lg border px-3 py-2 text-sm underline-offset-2 hover:underline',
        mine ? 'border-teal-500 bg-brand-800 text-white' : 'border-slate-300 bg-white text-slate-900',
      )}
    >
      <FileIcon />
      <span className="min-w-0">
        <span className="sr-only">Download </span>
        <span className="block font-medium break-all">{attachment.name}</span>
        <span className={cx('block text-xs', mine ? 'text-white' : 'text-slate-600')}>
          {kindOf(attachment.type)} · {formatBytes(attachment.size)}
        </span>
      </span>
    </a>
  );
}

/**
 * A file on its way up: a local preview for images (only once the bytes decode as a picture, so a
 * mislabelled file never shows a broken image; none for a refused file), the name and size always.
 */
export function PendingAttachment({ file, preview: showPreview = true }: { file: File; preview?: boolean }) {
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!showPreview || !isImage(file.type)) return;
    let active = true;
    let url: string | null = null;
    createImageBitmap(file).then(
      (bitmap) => {
        bitmap.close();
        if (!active) return;
        url = URL.createObjectURL(file);
        setPreview(url);
      },
      () => {},
    );
    return () => {
      active = false;
      if (url) URL.revokeObjectURL(url);
      setPreview(null);
    };
  }, [file, showPreview]);
  return (
    <div className="space-y-1">
      {preview && (
        <img
          src={preview}
          alt={`Preview of ${file.name}`}
          className="max-h-48 w-auto max-w-full rounded-lg object-contain opacity-80"
        />
      )}
      <p className="flex items-center gap-2 text-sm">
        <FileIcon />
        <span className="min-w-0 break-all">
          {file.name} <span className="text-slate-600">· {formatBytes(file.size)}</span>
        </span>
      </p>
    </div>
  );
}
