"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch } from "./admin-fetch";
import { useHydrated } from "./use-hydrated";

type Image = { id: number; url: string; alt: string };

/** A product's images: moved up or down (the first is the one listings show), removed, or one added. */
export function ImageManager({ productId, images }: { productId: number; images: Image[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const base = `/api/admin/products/${productId}/images`;

  async function send(request: Promise<{ ok: true } | { ok: false; message: string }>, done: string) {
    setBusy(true);
    const answer = await request;
    setBusy(false);
    if (!answer.ok) return setMessage({ text: answer.message, error: true });
    setMessage({ text: done, error: false });
    router.refresh();
    return true;
  }

  const move = (index: number, by: -1 | 1) => {
    const order = images.map((image) => image.id);
    [order[index], order[index + by]] = [order[index + by], order[index]];
    return send(adminFetch(base, "PUT", { imageIds: order }), "Order saved.");
  };

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (await send(adminFetch(base, "POST", new FormData(formElement)), "Image added.")) formElement.reset();
  }

  return (
    <section aria-labelledby="images-heading" className="space-y-4">
      <h2 id="images-heading" className="text-lg font-semibold">
        Images
      </h2>
      {images.length === 0 ? (
        <p className="text-sm text-stone-600">No image yet.</p>
      ) : (
        <ol className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {images.map((image, index) => (
            <li key={image.id} className="space-y-2 rounded border border-stone-200 p-2 text-sm">
              {/* eslint-disable-next-line @next/next/no-img-element -- a small preview of the stored file */}
              <img
                src={image.url}
                alt={image.alt}
                width={160}
                height={160}
                className="aspect-square w-full object-cover"
              />
              <p className="truncate" title={image.alt}>
                {index + 1}. {image.alt}
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  disabled={!hydrated || busy || index === 0}
                  onClick={() => move(index, -1)}
                  className="underline disabled:no-underline disabled:opacity-50"
                >
                  Move up<span className="sr-only"> {image.alt}</span>
                </button>
                <button
                  type="button"
                  disabled={!hydrated || busy || index === images.length - 1}
                  onClick={() => move(index, 1)}
                  className="underline disabled:no-underline disabled:opacity-50"
                >
                  Move down<span className="sr-only"> {image.alt}</span>
                </button>
                <button
                  type="button"
                  disabled={!hydrated || busy}
                  onClick={() => send(adminFetch(`${base}/${image.id}`, "DELETE"), "Image removed.")}
                  className="text-red-800 underline"
                >
                  Remove<span className="sr-only"> {image.alt}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={upload} aria-label="Add an image" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Image (JPEG, PNG or WebP, at most 8 MB)
          <input type="file" name="file" accept="image/jpeg,image/png,image/webp" required />
        </label>
        <label className="flex flex-col gap-1">
          What it shows
          <input name="alt" required maxLength={200} className="rounded border border-stone-300 p-2" />
        </label>
        <button
          type="submit"
          disabled={!hydrated || busy}
          className="rounded border border-brand-700 px-3 py-2 font-medium text-brand-700"
        >
          Add image
        </button>
      </form>
      <p role="status" className={`text-sm ${message?.error ? "text-red-800" : "text-brand-900"}`}>
        {message?.text}
      </p>
    </section>
  );
}
