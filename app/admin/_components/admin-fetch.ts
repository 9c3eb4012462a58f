/**
 * A back-office form's request to its JSON route: the parsed answer, or the error message to show (the
 * route's own message for a refused change; a generic one when the store cannot answer).
 */
export async function adminFetch<T>(
  url: string,
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    const response = await fetch(
      url,
      body instanceof FormData
        ? { method, body }
        : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) },
    );
    const answer = (await response.json()) as T & { error?: { message: string } };
    if (response.ok) return { ok: true, data: answer };
    return { ok: false, message: answer.error?.message ?? `The store answered ${response.status}.` };
  } catch {
    return { ok: false, message: "The store cannot be reached. Nothing was saved; try again." };
  }
}
