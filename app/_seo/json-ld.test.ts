import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";

describe("JSON-LD in a script element", () => {
  it("cannot be ended or escaped by the text it carries, and still parses to the same data", () => {
    const name = `Mug </script><script>alert("x")</script> & "quotes" 'too' \u2028`;
    const json = serializeJsonLd({ "@context": "https://schema.org", "@type": "Product", name });
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json).name).toBe(name);
  });
});
