import type { Metadata } from "next";
import { listAudit } from "@/lib/backoffice/audit";
import { adminMetadata, adminOfPage } from "../admin-gate";
import { AuditTable } from "../_components/audit-table";
import { SignInAgain } from "../_components/sign-in-again";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Audit log");

const OBJECT_TYPES = ["variant", "order", "product"] as const;

type Props = { searchParams: Promise<{ objectType?: string; objectId?: string }> };

/** Every back-office write, newest first, filterable by object (admins only). */
export default async function AuditPage({ searchParams }: Props) {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const params = await searchParams;
  const objectType = OBJECT_TYPES.find((type) => type === params.objectType);
  const objectId = params.objectId?.trim().slice(0, 64) || undefined;
  const entries = await listAudit({ objectType, objectId, limit: 200 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      <form role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Object
          <select name="objectType" defaultValue={objectType ?? ""} className="rounded border border-stone-300 p-2">
            <option value="">Any</option>
            {OBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Id
          <input name="objectId" defaultValue={objectId ?? ""} className="rounded border border-stone-300 p-2" />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          Filter
        </button>
      </form>
      <AuditTable entries={entries} />
    </div>
  );
}
