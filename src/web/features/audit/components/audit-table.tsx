import type { AuditEvent } from '../../../../contracts/audit.js';
import { formatDateTime, viewerTimeZone, zoneName } from '../../../lib/datetime.js';

function entity(e: AuditEvent) {
  if (!e.entityType) return '—';
  return e.entityId ? `${e.entityType} ${e.entityId.slice(0, 8)}` : e.entityType;
}

/** Audit events: a table on wide screens, a list of cards on phones. */
export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <>
      <AuditCards events={events} caption={caption} />
      <AuditRows events={events} caption={caption} />
    </>
  );
}

function AuditCards({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <ul aria-label={caption} className="space-y-3 md:hidden">
      {events.map((e) => (
        <li key={e.id} className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-900">{e.action}</code>
            <time dateTime={e.at} className="text-slate-700">{formatDateTime(e.at)}</time>
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-600">Who</dt>
            <dd className="break-words">{e.actorEmail ?? 'System'}</dd>
            <dt className="text-slate-600">Entity</dt>
            <dd>{entity(e)}</dd>
            <dt className="text-slate-600">IP</dt>
            <dd>{e.ip ?? '—'}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function AuditRows({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block"
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold whitespace-nowrap">
              When <span className="font-normal text-slate-600">({zoneName(viewerTimeZone())})</span>
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">Who</th>
            <th scope="col" className="px-4 py-3 font-semibold">Action</th>
            <th scope="col" className="px-4 py-3 font-semibold">Entity</th>
            <th scope="col" className="px-4 py-3 font-semibold">IP address</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {events.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-4 py-3 whitespace-nowrap">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td className="px-4 py-3 break-words">{e.actorEmail ?? 'System'}</td>
              <td className="px-4 py-3">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-900">{e.action}</code>
              </td>
              <td className="px-4 py-3 whitespace-nowrap" title={e.entityId ?? undefined}>{entity(e)}</td>
              <td className="px-4 py-3 whitespace-nowrap">{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
