/**
 * Step two: the 6-digit code. A plain form straight to Auth.js' e-mail callback (the same URL as the mail's
 * link), so it works without JavaScript; a wrong code comes back to /signin?error=Verification.
 */
export function CodeForm({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  return (
    <form action="/api/auth/callback/email" method="get" className="space-y-3">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="token" className="block text-sm font-medium text-stone-800">
        The 6-digit code we sent to {email}
      </label>
      <input
        id="token"
        name="token"
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        className="w-full rounded-md border border-stone-300 px-3 py-2 text-lg tracking-[0.3em]"
      />
      <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
        Sign in
      </button>
    </form>
  );
}
