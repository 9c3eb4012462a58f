import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request exactly as written: the path is sent byte for byte (fetch and URL would normalize a
 * malformed one) and any Host header is sent as given (fetch always sends the URL's own).
 */
export function rawRequest(
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, path, method: init.method ?? "GET", headers: init.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

/**
 * Headers of requests that did not come straight from this machine to the app at `origin`: a
 * DNS-rebinding page (its own name as Host), and the traces a proxy leaves. Sent with `rawRequest`.
 */
export function notDirectRequests(origin: string): Record<string, Record<string, string>> {
  return {
    "Host: evil.example": { host: `evil.example:${new URL(origin).port}` },
    "Via: 1.1 proxy": { via: "1.1 proxy" },
    "X-Forwarded-For: 203.0.113.7": { "x-forwarded-for": "203.0.113.7" },
    "X-Real-IP": { "x-real-ip": "127.0.0.1" },
    "Forwarded: for=198.51.100.7": { forwarded: "for=198.51.100.7" },
    "X-Forwarded-Host: shop.example": { "x-forwarded-host": "shop.example" },
  };
}
