import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import type { SignedIn } from "./current-user";
import { listUserSessions } from "./session-store";

/** The account page's and API's data: the user, and their live sessions (this one marked). */

export const accountNameSchema = z.object({
  name: z.string().trim().min(1, "required").max(80, "at most 80 characters"),
});

export interface AccountSession {
  /** A stable public id (a hash of the token: the token itself never leaves the cookie). */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expires: string;
  current: boolean;
}

const publicId = (token: string) => createHash("sha256").update(token).digest("base64url").slice(0, 16);

export async function accountView({ user, session }: SignedIn) {
  const sessions: AccountSession[] = (await listUserSessions(user.id)).map((record) => ({
    id: publicId(record.sessionToken),
    createdAt: record.createdAt.toISOString(),
    lastSeenAt: record.lastSeenAt.toISOString(),
    expires: record.expires.toISOString(),
    current: record.sessionToken === session.sessionToken,
  }));
  return { user: { id: user.id, email: user.email, name: user.name }, sessions };
}

export async function renameAccount(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}
