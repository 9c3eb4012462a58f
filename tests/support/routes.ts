/** Calling App Router route handlers directly, as Next.js would, for integration tests. */

export function getRequest(path: string, init?: RequestInit): Request {
  return new Request(new URL(path, "http://localhost:3000"), init);
}

export function routeContext<P extends Record<string, string | string[]>>(params: P) {
  return { params: Promise.resolve(params) };
}

export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T> {
  expectJson(response);
  return (await response.json()) as T;
}

function expectJson(response: Response): void {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new Error(`expected JSON, got ${type || "no content type"}`);
}
