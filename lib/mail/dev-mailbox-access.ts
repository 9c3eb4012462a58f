import { arrivesThroughProxy } from "../http/client-ip";
import { mailDelivery } from "./delivery";

/**
 * Who may read the dev mailbox: nobody unless it is on (AUTH_DEV_MAILBOX=1, server on loopback), and never
 * a request that came through a proxy from beyond loopback: reading it is signing in as anyone.
 */
export function devMailboxAccess(headers: Headers): "ok" | "off" | "forbidden" {
  if (mailDelivery().kind !== "dev-mailbox") return "off";
  return arrivesThroughProxy(headers) ? "forbidden" : "ok";
}
