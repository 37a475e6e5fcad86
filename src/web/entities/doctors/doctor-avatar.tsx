import { cx } from '../../lib/ui/cx.js';

interface Pictured {
  firstName: string;
  lastName: string;
  pictureUrl: string | null;
}

/** The doctor's picture, or their initials when there is none. Decorative next to the name. */
export function DoctorAvatar({ doctor, size = 'md' }: { doctor: Pictured; size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-28 text-3xl' : 'size-12 text-base';
  if (doctor.pictureUrl) {
    return <img src={doctor.pictureUrl} alt="" className={cx(box, 'shrink-0 rounded-full object-cover ring-1 ring-slate-200')} />;
  }
  return (
    <span aria-hidden="true" className={cx(box, 'flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-900')}>
      {`${doctor.firstName.charAt(0)}${doctor.lastName.charAt(0)}`.toUpperCase()}
    </span>
  );
}
