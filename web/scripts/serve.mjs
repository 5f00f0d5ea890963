// Serves the static export in out/ and forwards /api/ to a Todo server, so the browser sees one
// origin, as it does when the server jar serves the app itself.
//   node scripts/serve.mjs --port 3000 --api http://127.0.0.1:8080
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import { extname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, api: { type: "string", default: "http://127.0.0.1:8080" } } });
const root = fileURLToPath(new URL("../out/", import.meta.url));
const api = new URL(values.api);
// The Content-Security-Policy of each page, written by the build (scripts/csp.mjs), as the server jar sends it.
const cspFile = join(root, "csp.json");
if (!existsSync(cspFile)) {
  console.error(`serve: ${cspFile} is missing; build the app first (npm run build)`);
  process.exit(1);
}
const policies = JSON.parse(readFileSync(cspFile, "utf8")).pages;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".png": "image/png", ".woff2": "font/woff2",
};

function file(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  // /today is out/today.html; / is out/index.html: the same rule the server jar needs for client routes.
  for (const candidate of [clean, `${clean}.html`, join(clean, "index.html")]) {
    const path = join(root, candidate);
    if (!path.startsWith(root) || path === cspFile) return null; // csp.json is read here, not served
    try {
      if (statSync(path).isFile()) return path;
    } catch {}
  }
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname.startsWith("/api/")) {
    // Same origin for the server too: the browser's Origin is this server, the one the API sees is its own.
    const upstream = request(
      { hostname: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host, ...(req.headers.origin ? { origin: api.origin } : {}) } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ status: 502, title: "Bad Gateway", detail: "The Todo server is not reachable" }));
    });
    req.pipe(upstream);
    return;
  }
  const path = file(url.pathname) ?? join(root, "404.html");
  const policy = path.endsWith(".html") ? policies[relative(root, path).split("\\").join("/")] : undefined;
  if (path.endsWith(".html") && !policy) {
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(`${relative(root, path)} has no policy in out/csp.json: the export changed after the build; run npm run build\n`);
    return;
  }
  const status = path.endsWith("404.html") && url.pathname !== "/404.html" ? 404 : 200;
  const immutable = url.pathname.startsWith("/_next/static/");
  const type = TYPES[extname(path)] ?? "application/octet-stream";
  // Compressed like the server jar should serve it (server.compression.enabled).
  const gzip = /gzip/.test(req.headers["accept-encoding"] ?? "") && /text|javascript|json|svg/.test(type);
  res.writeHead(status, {
    "content-type": type,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    vary: "accept-encoding",
    ...(policy ? { "content-security-policy": policy } : {}),
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  const body = createReadStream(path);
  (gzip ? body.pipe(createGzip()) : body).pipe(res);
});

server.listen(Number(values.port), "127.0.0.1", () => {
  console.log(`Web app on http://127.0.0.1:${values.port} (API ${api.origin})`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
