import { test as base, type BrowserContext } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * What Chromium writes when the Content-Security-Policy refused something, to the console or as an error
 * ("Loading the script … violates the following Content Security Policy directive", "Refused to …").
 */
const CSP_VIOLATION = /Content Security Policy|Refused to/i;

/**
 * Every spec imports `test` from here: a test fails at teardown if any page it opened, in its own context
 * or in one it made with `browser.newContext()`, reported a Content-Security-Policy violation.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, provide, testInfo) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on("console", (message) => {
          if (CSP_VIOLATION.test(message.text()))
            violations.push(`console.${message.type()} on ${message.page()?.url()}: ${message.text()}`);
        });
        watched.on("weberror", (webError) => {
          const error = webError.error();
          if (CSP_VIOLATION.test(`${error.message}\n${error.stack ?? ""}`))
            violations.push(`page error on ${webError.page()?.url()}: ${error.message}`);
        });
      };
      watch(context);
      // Contexts a test makes itself (a second browser) are watched as well, for the test's duration.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const made = await newContext.apply(browser, args);
        watch(made);
        return made;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      if (violations.length > 0) {
        await testInfo.attach("csp-violations", { body: violations.join("\n"), contentType: "text/plain" });
        throw new Error(`Content-Security-Policy violations:\n${violations.join("\n")}`);
      }
    },
    { auto: true },
  ],
});
