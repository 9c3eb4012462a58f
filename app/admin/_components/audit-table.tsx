import type { AuditEntryView } from "@/lib/backoffice/audit";

const when = (iso: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
const shown = (value: unknown) => (value === null || value === undefined ? "–" : JSON.stringify(value));

/** Audit entries as a table: when, who, what, to what, why, before and after. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p className="text-stone-600">No changes recorded yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b border-stone-200">
          <th scope="col" className="py-2">
            When (UTC)
          </th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Object</th>
          <th scope="col">Why</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} className="border-b border-stone-100 align-top">
            <td className="py-2 whitespace-nowrap">{when(entry.at)}</td>
            <td>{entry.actor}</td>
            <td>{entry.action}</td>
            <td>
              {entry.objectType} {entry.objectId}
            </td>
            <td>{entry.reason ?? "–"}</td>
            <td className="font-mono text-xs">{shown(entry.before)}</td>
            <td className="font-mono text-xs">{shown(entry.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
