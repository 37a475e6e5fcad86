import type { CallQuality } from '../../../../contracts/video.js';
import { cx } from '../../../lib/ui/cx.js';
import { QUALITY_TEXT } from '../utils/call-text.js';

const TONE: Record<CallQuality, string> = {
  good: 'border-green-300 bg-green-50 text-green-900',
  fair: 'border-amber-300 bg-amber-50 text-amber-950',
  poor: 'border-red-300 bg-red-50 text-red-900',
};

/** "Your connection: Good" with a dot; text carries the meaning, the colour only helps. */
export function QualityBadge({ who, quality }: { who: string; quality: CallQuality | null }) {
  if (!quality) return null;
  return (
    <span className={cx('inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium', TONE[quality])} data-quality={quality}>
      <span aria-hidden="true" className={cx('size-2 rounded-full', quality === 'good' ? 'bg-green-600' : quality === 'fair' ? 'bg-amber-500' : 'bg-red-600')} />
      {who}: {QUALITY_TEXT[quality]}
    </span>
  );
}
