import { db } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import type { SignedIn } from "../auth/current-user";

/**
 * The back office's audit log: every admin write appends one entry (who, what, to what, before, after,
 * when) in the transaction of the write itself, so there is never a change without its entry or an entry
 * for a change that rolled back.
 */

export interface AuditChange {
  action: string;
  objectType: "variant" | "order" | "product" | "category";
  objectId: string | number;
  reason?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export async function appendAudit(tx: Prisma.TransactionClient, actor: SignedIn, change: AuditChange): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.user.id,
      actorEmail: actor.user.email,
      action: change.action,
      objectType: change.objectType,
      objectId: String(change.objectId),
      reason: change.reason,
      before: change.before,
      after: change.after,
    },
  });
}

export interface AuditEntryView {
  id: number;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

/** The newest entries first, for one object or type when asked. */
export async function listAudit(filter: { objectType?: string; objectId?: string; limit?: number }) {
  const entries = await db.auditEntry.findMany({
    where: { objectType: filter.objectType, objectId: filter.objectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit ?? 100,
  });
  return entries.map((entry): AuditEntryView => ({
    id: entry.id,
    actor: entry.actorEmail,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    reason: entry.reason,
    before: entry.before,
    after: entry.after,
    at: entry.createdAt.toISOString(),
  }));
}
