import { Link } from 'react-router';

/** The logo and name, linking home. `collapsible`: on a narrow phone only the logo shows (the name stays for screen readers). */
export function Brand({ collapsible = false }: { collapsible?: boolean }) {
  return (
    <Link to="/" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
        <rect width="32" height="32" rx="7" fill="currentColor" className="text-brand-700" />
        <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#fff" />
      </svg>
      <span className={collapsible ? 'sr-only min-[26rem]:not-sr-only' : undefined}>Telemedicine</span>
    </Link>
  );
}
