// Writes out/csp.json after `next build`: for every HTML page of the static export, the strict
// Content-Security-Policy that page satisfies. Scripts come only from the app's own origin plus the
// SHA-256 hash of each inline <script> the build put in that page (Next's bootstrap and its RSC
// payload), styles likewise; no 'unsafe-inline', no 'unsafe-eval'. The server jar (PageSecurityPolicy)
// and scripts/serve.mjs send the page's policy as its Content-Security-Policy header.
//   node scripts/csp.mjs            (npm run build does it)
//   NEXT_PUBLIC_API_URL=https://api.example.com adds that origin to connect-src, as lib/api.ts calls it.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";

/** 'sha256-…' of a text as the browser hashes it (UTF-8). */
export function hash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The origin NEXT_PUBLIC_API_URL names, or null when it is empty; a value that is not a URL stops the build. */
export function apiOrigin(apiUrl) {
  if (!apiUrl) return null;
  let url;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new Error(`NEXT_PUBLIC_API_URL is not a URL: ${apiUrl}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`NEXT_PUBLIC_API_URL is not an http(s) URL: ${apiUrl}`);
  return url.origin;
}

const unique = (values) => [...new Set(values)];

/**
 * The policy for one page. `stylesheets` is the text of the CSS files the page links (a data: URL in
 * them, like one in the page, needs img-src data:).
 */
export function policyFor(html, { apiUrl = "", stylesheets = [] } = {}) {
  const { document } = new JSDOM(html).window;
  const inlineScripts = [...document.querySelectorAll("script:not([src])")].map((script) => script.textContent ?? "");
  const styleElements = [...document.querySelectorAll("style")].map((style) => style.textContent ?? "");
  // The attribute's value as parsed (entities decoded), which is what the browser hashes.
  const styleAttributes = [...document.querySelectorAll("[style]")].map((element) => element.getAttribute("style") ?? "");
  const usesDataImages = [html, ...stylesheets].some((text) => /url\(\s*["']?data:image\/|src=["']data:image\//.test(text));

  const scriptSrc = ["'self'", ...unique(inlineScripts.map(hash))];
  const styleSrc = ["'self'", ...unique(styleElements.map(hash))];
  if (styleAttributes.length > 0) styleSrc.push("'unsafe-hashes'", ...unique(styleAttributes.map(hash)));
  const connectSrc = ["'self'", apiOrigin(apiUrl)].filter(Boolean);

  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    `style-src ${styleSrc.join(" ")}`,
    ...(usesDataImages ? ["img-src 'self' data:"] : []),
    "font-src 'self'",
    `connect-src ${connectSrc.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Every .html file under `dir`, as paths relative to it with forward slashes ("login.html"). */
function htmlFiles(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path, root);
    return entry.name.endsWith(".html") ? [relative(root, path).split("\\").join("/")] : [];
  });
}

/** The text of the same-origin stylesheets the page links (/_next/static/…css), read from `out`. */
function linkedStylesheets(html, out) {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll('link[rel="stylesheet"][href^="/"]')]
    .map((link) => join(out, (link.getAttribute("href") ?? "").split("?")[0]))
    .map((path) => readFileSync(path, "utf8"));
}

/** { pages: { "login.html": "<policy>", … } } for the export in `out`. */
export function policies(out, apiUrl = "") {
  const pages = {};
  for (const file of htmlFiles(out).sort()) {
    const html = readFileSync(join(out, file), "utf8");
    pages[file] = policyFor(html, { apiUrl, stylesheets: linkedStylesheets(html, out) });
  }
  return { pages };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL("../out/", import.meta.url));
  const result = policies(out, process.env.NEXT_PUBLIC_API_URL ?? "");
  const count = Object.keys(result.pages).length;
  if (count === 0) throw new Error(`csp: no HTML pages in ${out}; run next build first`);
  writeFileSync(join(out, "csp.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`csp: wrote out/csp.json with the policies of ${count} pages`);
}
