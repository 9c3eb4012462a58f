/**
 * Headers of a request the operator endpoints (/api/metrics, /api/health's details) answer: sent to a
 * loopback name, and carrying METRICS_TOKEN's bearer when the environment sets one.
 */
export function operatorHeaders(token: string | undefined = process.env.METRICS_TOKEN): Record<string, string> {
  return { host: "localhost:3000", ...(token ? { authorization: `Bearer ${token}` } : {}) };
}
