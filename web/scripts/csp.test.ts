import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apiOrigin, hash, policies, policyFor } from "./csp.mjs";

const page = (head: string, body = "") => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

/** The directive `name` of a policy, as its list of sources. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split(";").map((part) => part.trim().split(/\s+/)).find(([first]) => first === name);
  return found?.slice(1);
}

describe("policyFor", () => {
  it("hashes each inline script as the CSP spec's example does, and leaves scripts with src to 'self'", () => {
    const policy = policyFor(page(`<script src="/_next/static/chunks/a.js" async></script><script>alert('Hello, world.');</script>`));
    // The example of CSP Level 3, section 8.3 (the hash a browser computes for this script).
    expect(directive(policy, "script-src")).toEqual(["'self'", "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]);
  });

  it("lists one hash per distinct inline script, including scripts with other attributes", () => {
    const one = `self.__next_f.push([1,"a"])`;
    const two = `(self.__next_s=self.__next_s||[]).push([0,{}])`;
    const policy = policyFor(page(`<script id="_R_">${one}</script>`, `<script>${two}</script><script>${one}</script>`));
    expect(directive(policy, "script-src")).toEqual(["'self'", hash(one), hash(two)]);
  });

  it("never allows unsafe-inline or unsafe-eval, and forbids framing, plugins and foreign forms", () => {
    const policy = policyFor(page(`<style>body{margin:0}</style><script>1</script>`, `<div style="display:flex"></div>`));
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directive(policy, "default-src")).toEqual(["'self'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'self'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "font-src")).toEqual(["'self'"]);
  });

  it("hashes <style> elements, and style attributes (entities decoded) only with 'unsafe-hashes'", () => {
    const withAttribute = policyFor(page(`<style>body{margin:0}</style>`, `<div style="font-family:&quot;A&quot;"></div>`));
    expect(directive(withAttribute, "style-src")).toEqual([
      "'self'", hash("body{margin:0}"), "'unsafe-hashes'", "'sha256-6A2VEmC+Iyl53WKuw8iJxItb9Qp2VK7o8R7WRDezCp8='",
    ]);
    expect(directive(policyFor(page(`<link rel="stylesheet" href="/a.css">`)), "style-src")).toEqual(["'self'"]);
  });

  it("allows data: images only when the page or its stylesheets use one", () => {
    expect(directive(policyFor(page("")), "img-src")).toBeUndefined();
    expect(directive(policyFor(page(""), { stylesheets: [".a{background:url(data:image/svg+xml,%3Csvg%3E)}"] }), "img-src")).toEqual(["'self'", "data:"]);
    expect(directive(policyFor(page("", `<img alt="" src="data:image/png;base64,AA==">`)), "img-src")).toEqual(["'self'", "data:"]);
  });

  it("connects to the app's own origin, and to the API's origin when NEXT_PUBLIC_API_URL names one", () => {
    expect(directive(policyFor(page("")), "connect-src")).toEqual(["'self'"]);
    expect(directive(policyFor(page(""), { apiUrl: "https://api.example.com:8443/base/" }), "connect-src")).toEqual(["'self'", "https://api.example.com:8443"]);
  });
});

describe("apiOrigin", () => {
  it("refuses a NEXT_PUBLIC_API_URL that is not an http(s) URL", () => {
    expect(apiOrigin("")).toBeNull();
    expect(() => apiOrigin("api.example.com")).toThrow("NEXT_PUBLIC_API_URL is not a URL: api.example.com");
    expect(() => apiOrigin("javascript:alert(1)")).toThrow("not an http(s) URL");
  });
});

describe("policies", () => {
  let out: string;
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it("has one policy per HTML page of the export, named by its file, each with that page's hashes", () => {
    out = mkdtempSync(join(tmpdir(), "csp-test-"));
    mkdirSync(join(out, "_next/static/chunks"), { recursive: true });
    mkdirSync(join(out, "nested"));
    writeFileSync(join(out, "_next/static/chunks/app.css"), ".x{background:url(data:image/png;base64,AA==)}");
    writeFileSync(join(out, "login.html"), page(`<link rel="stylesheet" href="/_next/static/chunks/app.css?v=1"><script>login()</script>`));
    writeFileSync(join(out, "index.html"), page(`<script>home()</script>`));
    writeFileSync(join(out, "nested/page.html"), page(""));
    writeFileSync(join(out, "login.txt"), "not a page");

    const { pages } = policies(out, "http://127.0.0.1:9000");
    expect(Object.keys(pages)).toEqual(["index.html", "login.html", "nested/page.html"]);
    expect(directive(pages["login.html"], "script-src")).toEqual(["'self'", hash("login()")]);
    expect(directive(pages["login.html"], "img-src")).toEqual(["'self'", "data:"]);
    expect(directive(pages["index.html"], "script-src")).toEqual(["'self'", hash("home()")]);
    expect(directive(pages["index.html"], "img-src")).toBeUndefined();
    expect(directive(pages["nested/page.html"], "connect-src")).toEqual(["'self'", "http://127.0.0.1:9000"]);
  });
});
