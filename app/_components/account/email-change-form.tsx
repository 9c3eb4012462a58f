"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { emailChangeAction, type EmailChangeState } from "@/app/_actions/account";

const field = "w-full rounded-md border border-stone-300 px-3 py-2";
const button = "rounded-md border border-stone-300 px-4 py-2 font-medium disabled:opacity-60";
const STATUS = "email-change-status";

/**
 * Changing the account's e-mail in two steps: the new address (a code goes there), then that code.
 * `pending` is the address a change already waits on (a reload keeps the second step). When the step
 * changes, focus moves to the new step's field; the status line is announced and describes the field.
 */
export function EmailChangeForm({ pending }: { pending: string | null }) {
  const start: EmailChangeState = pending ? { step: "confirm", email: pending } : { step: "ask" };
  const [state, action, busy] = useActionState(emailChangeAction, start);
  const [askingAgain, setAskingAgain] = useState(false);
  const confirming = state.step === "confirm" && !askingAgain;
  const error = askingAgain ? undefined : state.error;
  const input = useRef<HTMLInputElement>(null);
  const shownStep = useRef(confirming);
  useEffect(() => {
    if (shownStep.current !== confirming) input.current?.focus();
    shownStep.current = confirming;
  }, [confirming]);
  const described = { "aria-describedby": STATUS, "aria-invalid": error ? true : undefined };

  return (
    <form
      action={(form) => {
        setAskingAgain(false);
        return action(form);
      }}
      className="space-y-3"
    >
      <input type="hidden" name="step" value={confirming ? "confirm" : "ask"} />
      {confirming ? (
        <>
          <label htmlFor="email-change-code" className="block text-sm font-medium text-stone-800">
            Code sent to {state.email}
          </label>
          <input
            ref={input}
            id="email-change-code"
            key="code"
            name="code"
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            title="The 6 digits from the mail"
            maxLength={6}
            className={field}
            {...described}
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" disabled={busy} className={button}>
              {busy ? "Changing…" : "Change e-mail"}
            </button>
            <button type="button" disabled={busy} onClick={() => setAskingAgain(true)} className={button}>
              Use another address
            </button>
          </div>
        </>
      ) : (
        <>
          <label htmlFor="new-email" className="block text-sm font-medium text-stone-800">
            New e-mail address
          </label>
          <input
            ref={input}
            id="new-email"
            key={`email:${state.typed ?? ""}`}
            name="email"
            type="email"
            required
            autoComplete="email"
            defaultValue={askingAgain ? undefined : state.typed}
            className={field}
            {...described}
          />
          <button type="submit" disabled={busy} className={button}>
            {busy ? "Sending…" : "Send a code to the new address"}
          </button>
        </>
      )}
      <p id={STATUS} role="status" className="text-sm">
        {error ? (
          <span className="text-red-700">{error}</span>
        ) : state.changedTo ? (
          `Your e-mail is now ${state.changedTo}.`
        ) : null}
      </p>
    </form>
  );
}
