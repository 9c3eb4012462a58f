import { escapeHtml } from "../mail/escape-html";

/** The mails of a change of e-mail: the code, to the new address; the notice, to the old one. */

export function emailChangeCodeMail(to: string, code: string) {
  const subject = `Your Brisk code to change your e-mail: ${code}`;
  const text = [
    `Your code is ${code}. Enter it on your account page to make ${to} your Brisk e-mail. It works once, for 10 minutes.`,
    "",
    "If you did not ask for this, ignore this mail: nothing changes without the code.",
  ].join("\n");
  const html = `<p>Your code is <strong style="font-size:1.4em;letter-spacing:.2em">${code}</strong>.
Enter it on your account page to make ${escapeHtml(to)} your Brisk e-mail. It works once, for 10 minutes.</p>
<p>If you did not ask for this, ignore this mail: nothing changes without the code.</p>`;
  return { to, subject, text, html };
}

export function emailChangedMail(to: string, newEmail: string) {
  const subject = "Your Brisk e-mail address was changed";
  const text = [
    `Your Brisk account now signs in with ${newEmail} instead of this address.`,
    "",
    "If you did not make this change, write to us at once: someone may be using your account.",
  ].join("\n");
  const html = `<p>Your Brisk account now signs in with ${escapeHtml(newEmail)} instead of this address.</p>
<p>If you did not make this change, write to us at once: someone may be using your account.</p>`;
  return { to, subject, text, html };
}
