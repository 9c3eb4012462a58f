import { isDirectLoopbackRequest } from "../http/direct-loopback";
import { mailDelivery } from "./delivery";

/**
 * Who may read the dev mailbox: nobody unless it is on (AUTH_DEV_MAILBOX=1, server on loopback), and then
 * only a request sent straight to a loopback name with no trace of a proxy (`isDirectLoopbackRequest`):
 * reading it is signing in as anyone, so a DNS-rebinding page or a request through a proxy is refused.
 */
export function devMailboxAccess(headers: Headers): "ok" | "off" | "forbidden" {
  if (mailDelivery().kind !== "dev-mailbox") return "off";
  return isDirectLoopbackRequest(headers) ? "ok" : "forbidden";
}
