import { NavLink } from 'react-router';
import type { NavItem } from './nav-items.js';
import { cx } from '../../lib/ui/cx.js';

/** The main navigation: a row on wide screens, a drop-down panel on phones when opened. */
export function PrimaryNav({ id, items, open }: { id: string; items: NavItem[]; open: boolean }) {
  return (
    <nav
      id={id}
      aria-label="Main"
      className={cx(
        'order-last w-full md:order-none md:block md:w-auto',
        open ? 'block' : 'hidden',
      )}
    >
      <ul className="flex flex-col gap-1 border-t border-slate-200 py-2 md:flex-row md:border-0 md:py-0">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                cx(
                  'block rounded-md px-3 py-2 text-sm font-medium',
                  isActive
                    ? 'bg-brand-50 text-brand-900 underline decoration-2 underline-offset-8'
                    : 'text-slate-800 hover:bg-slate-100',
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
