/** Placeholders with the shape of what is loading; announced once as "Loading". */

const block = "animate-pulse rounded-md bg-stone-200";

export function GridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul aria-hidden="true" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="rounded-lg border border-stone-200 bg-white p-3">
          <div className={`aspect-square ${block}`} />
          <div className={`mt-3 h-4 w-3/4 ${block}`} />
          <div className={`mt-2 h-4 w-1/3 ${block}`} />
        </li>
      ))}
    </ul>
  );
}

export function ListingSkeleton() {
  return (
    <div role="status" aria-label="Loading">
      <div className={`mb-6 h-8 w-48 ${block}`} />
      <div className={`mb-6 h-10 w-full max-w-xl ${block}`} />
      <GridSkeleton />
    </div>
  );
}

export function ProductSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="grid gap-8 md:grid-cols-2">
      <div className={`aspect-square ${block}`} />
      <div className="space-y-4">
        <div className={`h-9 w-2/3 ${block}`} />
        <div className={`h-7 w-24 ${block}`} />
        <div className={`h-10 w-full ${block}`} />
        <div className={`h-24 w-full ${block}`} />
      </div>
    </div>
  );
}
