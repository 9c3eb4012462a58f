import type { Thing, WithContext } from "schema-dts";

/**
 * Structured data as a JSON-LD script. The JSON is escaped so that no product text can end the script
 * element or open another (`<`, `>`, `&` and the JavaScript line separators become \u escapes).
 */
export function serializeJsonLd(data: WithContext<Thing> | WithContext<Thing>[]): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function JsonLd({ data }: { data: WithContext<Thing> | WithContext<Thing>[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
