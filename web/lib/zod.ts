import { z } from "zod";

// Zod 4 compiles object schemas with `new Function` when it may, and probes for that on first use:
// under the pages' Content-Security-Policy (no 'unsafe-eval', scripts/csp.mjs) the probe is a reported
// violation on every page. Jitless parsing is the same validation without eval. Import z from here.
z.config({ jitless: true });

export { z };
