/**
 * User agents that announce a crawler, a link preview or a monitor: their views are not a shopper's
 * interest, so trending does not count them. A browser without a user agent is counted as no shopper either.
 */
const BOT =
  /bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|preview|monitor|lighthouse|curl|wget|python-requests|httpclient/i;

export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}
