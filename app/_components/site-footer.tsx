export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-500 sm:px-6">
        Brisk, a storefront that is fast because of how it uses Redis.
      </div>
    </footer>
  );
}
