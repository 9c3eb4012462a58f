"use client";

import { useState, type FormEvent } from "react";
import { useShopper } from "./shopper";

type State = { kind: "idle" | "sending" } | { kind: "done" } | { kind: "error"; message: string };

/**
 * On a sold-out variant: one mail when it is back. A signed-in shopper asks with one click (their account's
 * address); a guest types an address.
 */
export function RestockAlert({ variantId }: { variantId: number }) {
  const { account } = useShopper();
  const signedIn = typeof account === "object" && account !== null;
  const [email, setEmail] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  async function ask(event: FormEvent) {
    event.preventDefault();
    setState({ kind: "sending" });
    const response = await fetch("/api/stock-alerts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ variantId, ...(signedIn ? {} : { email }) }),
    }).catch(() => null);
    if (response?.ok) return setState({ kind: "done" });
    const answer = (await response?.json().catch(() => null)) as { error?: { message: string } } | null;
    setState({ kind: "error", message: answer?.error?.message ?? "That did not work; please try again." });
  }

  if (state.kind === "done") {
    return (
      <p role="status" className="mt-4 text-sm text-stone-700">
        We will e-mail you once when it is back in stock.
      </p>
    );
  }
  return (
    <form onSubmit={ask} className="mt-4 flex flex-wrap items-end gap-2" aria-label="Back-in-stock alert">
      {!signedIn && (
        <label className="flex flex-col text-sm">
          <span className="mb-1 text-stone-700">E-mail me when it is back</span>
          <input
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className="rounded-md border border-stone-300 px-3 py-2"
          />
        </label>
      )}
      <button
        type="submit"
        disabled={state.kind === "sending"}
        className="rounded-md border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
      >
        {signedIn ? "E-mail me when it is back" : "Notify me"}
      </button>
      <p role="alert" className="w-full text-sm text-red-700">
        {state.kind === "error" ? state.message : null}
      </p>
    </form>
  );
}
