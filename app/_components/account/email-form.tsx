"use client";

import { useActionState } from "react";
import { requestSignInCodeAction } from "@/app/_actions/sign-in";

/** Step one of signing in: the e-mail address, answered by a mail with a code and a link. */
export function EmailForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [state, action, pending] = useActionState(requestSignInCodeAction, null);
  return (
    <form action={action} className="space-y-3" aria-describedby={state?.error ? "email-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="email" className="block text-sm font-medium text-stone-800">
        E-mail address
      </label>
      <input
        id="email"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={email}
        className="w-full rounded-md border border-stone-300 px-3 py-2"
      />
      {state?.error && (
        <p id="email-error" role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send me a sign-in code"}
      </button>
    </form>
  );
}
