"use client";

import { useActionState } from "react";
import { renameAction } from "@/app/_actions/account";

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(renameAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div className="grow">
        <label htmlFor="name" className="block text-sm font-medium text-stone-800">
          Name
        </label>
        <input
          id="name"
          name="name"
          required
          maxLength={80}
          defaultValue={name}
          autoComplete="name"
          className="w-full rounded-md border border-stone-300 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-stone-300 px-4 py-2 font-medium">
        {pending ? "Saving…" : "Save"}
      </button>
      <p role="status" className="w-full text-sm">
        {state?.error ? <span className="text-red-700">{state.error}</span> : state?.saved ? "Saved." : null}
      </p>
    </form>
  );
}
