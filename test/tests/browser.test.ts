import { createGateway, type Gateway, type GatewayOptions } from "@laenderhub/gateway";
import { createLogger, loadDataset, resolveRegistry } from "@laenderhub/shared";
import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

// What a dashboard developer meets in a real browser, Debian's headless Chromium: a page on
// another origin queries the gateway with fetch (a CORS preflight first), an origin the
// gateway does not allow gets nothing and cannot write with a cross-site form, and the bundled
// GraphiQL works with every request off this machine blocked. Every address is on loopback.

/** Debian's Chromium; .ci/run installs it and names it in CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM);
// In CI a missing browser must fail the run, not quietly skip what this file proves.
const runBrowserTests = haveBrowser || process.env.CI === "true";
if (!runBrowserTests) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const SCREENSHOT = fileURLToPath(new URL("../../test-results/graphiql.png", import.meta.url));
const dataset = loadDataset();
const bexbach = dataset.municipalities.find((m) => m.name === "Bexbach")!;
const saarlandRecords = dataset.participations.filter((p) => p.state === "SL").length;

const QUERY = `{ saarland { partnershipByOrdinal(n: 10) { id municipality { name ags } } } }`;
/** A well-formed write: had the gateway accepted the form, it would have gone to Saarland's subgraph. */
const MUTATION = `mutation { createSaarlandPartnership(note: "cross-site form", input: { municipality: { ags: "10046111", name: "Freisen", type: "Gemeinde", district: "Landkreis St. Wendel", sources: [{ url: "https://example.org/csrf", publisher: "csrf", publishedOn: "2024-05-13" }] }, signedOn: "2024-05-13", partners: ["Gemeinde Freisen"], signatories: [{ name: "Erika Beispiel", role: "Bürgermeisterin", basis: "SIGNED" }], sources: [{ url: "https://example.org/csrf", publisher: "csrf", publishedOn: "2024-05-13" }] }) { id } }`;

const html = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>dashboard</title></head><body>${body}</body></html>`;

/**
 * The dashboard's pages: `/query` fetches the gateway named in `?gateway=` with a JSON POST and
 * writes the outcome into `#result`; `/form` submits a mutation to it as an ordinary HTML form
 * with `?enctype=` (a form needs no preflight, so only the gateway can stop it).
 */
function dashboardPage(url: URL): string {
  const gateway = url.searchParams.get("gateway")!;
  if (url.pathname === "/form") {
    const enctype = url.searchParams.get("enctype")!;
    // text/plain sends `name=value`: the name carries JSON up to a dummy field, as a CSRF attacker would.
    const [name, value] = enctype === "text/plain" ? [`{"query":${JSON.stringify(MUTATION)},"x":"`, `"}`] : ["query", MUTATION];
    return html(
      `<form id="f" method="POST" action="${gateway}" enctype="${enctype}"><input type="hidden" name='${name.replace(/'/g, "&#39;")}' value='${value}'></form>` +
        `<script>document.getElementById("f").submit()</script>`,
    );
  }
  // `/get` asks with a plain GET (cacheable, as urql does); `/query` with a JSON POST.
  const request =
    url.pathname === "/get"
      ? `fetch(${JSON.stringify(gateway)} + "?query=" + encodeURIComponent(${JSON.stringify(QUERY)}))`
      : `fetch(${JSON.stringify(gateway)}, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: ${JSON.stringify(QUERY)} }) })`;
  return html(`<pre id="result" data-state="pending"></pre>
<script>
  const result = document.getElementById("result");
  ${request}
    .then((res) => res.json())
    .then((body) => { result.textContent = JSON.stringify(body); result.dataset.state = "answered"; })
    .catch((err) => { result.textContent = String(err); result.dataset.state = "failed"; });
</script>`);
}

/** A tiny web server for the dashboard's pages on `host`, port 0. */
async function servePages(host: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    if (url.pathname !== "/query" && url.pathname !== "/get" && url.pathname !== "/form") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(dashboardPage(url));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, host, () => resolve()));
  return { origin: `http://${host}:${(server.address() as AddressInfo).port}`, server };
}

/**
 * What a gateway saw: each request to /graphql (its method and origin; a preflight too, which the
 * runtime answers before any later plugin's `onRequest`, hence `onResponse`) and each subgraph
 * fetch it made.
 */
function recorder() {
  const requests: string[] = [];
  const subgraphs: string[] = [];
  const plugin: NonNullable<GatewayOptions["plugins"]>[number] = {
    // Only the API: a page the browser navigated to also asks for /favicon.ico.
    onResponse: ({ request }) => void (new URL(request.url).pathname === "/graphql" && requests.push(`${request.method} ${request.headers.get("origin") ?? "-"}`)),
    onSubgraphExecute: ({ subgraphName }) => void subgraphs.push(subgraphName),
  };
  return {
    plugin,
    requests,
    subgraphs,
    clear: () => {
      requests.length = 0;
      subgraphs.length = 0;
    },
  };
}

/** Loopback only: 127.0.0.0/8, localhost, [::1]. */
const isLoopback = (url: URL) => /^127\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname === "localhost" || url.hostname === "[::1]";

describe.runIf(runBrowserTests)("the gateway in a browser", () => {
  let federation: RunningFederation;
  let browser: Browser;
  /** A page origin that passes the default rule (localhost for development). */
  let localhostPages: { origin: string; server: Server };
  /**
   * A page origin on loopback that the default rule does not treat as localhost: it stands
   * for a foreign site.
   */
  let foreignPages: { origin: string; server: Server };
  /** A gateway with no configured origins. */
  let strict: Gateway;
  let strictUrl: string;
  const strictSeen = recorder();
  /** A gateway whose allowlist names the foreign origin. */
  let allowing: Gateway;
  let allowingUrl: string;
  const allowingSeen = recorder();

  /** The gateway's URL under the name `localhost`: another origin than the page's 127.0.0.1. */
  const asLocalhost = (url: string) => url.replace("//127.0.0.1:", "//localhost:");

  beforeAll(async () => {
    if (!haveBrowser) throw new Error(`CI: no Chromium at ${CHROMIUM}; .ci/chromium.sh installs Debian's package`);
    federation = await startFederation();
    localhostPages = await servePages("127.0.0.1");
    foreignPages = await servePages("127.0.0.2");
    // The same subgraphs behind two more gateways from the production factory, each with its own CORS configuration.
    const registry = resolveRegistry({
      SUBGRAPH_URL_SL: federation.servers.get("SL")!.url,
      SUBGRAPH_URL_SN: federation.servers.get("SN")!.url,
      SUBGRAPH_URL_ST: federation.servers.get("ST")!.url,
    });
    const logger = createLogger("browser-e2e", "silent");
    strict = createGateway({
      registry,
      compareUrl: federation.compareUrl,
      logger,
      config: { corsOrigins: [] },
      plugins: [strictSeen.plugin],
    });
    strictUrl = (await strict.listen(0, "127.0.0.1")).url;
    allowing = createGateway({ registry, compareUrl: federation.compareUrl, logger, config: { corsOrigins: [foreignPages.origin] }, plugins: [allowingSeen.plugin] });
    allowingUrl = (await allowing.listen(0, "127.0.0.1")).url;

    // Debian's Chromium, nothing downloaded; a temporary profile per launch, no calls home.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: 30_000,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([strict?.close(), allowing?.close()]);
    for (const pages of [localhostPages, foreignPages]) {
      if (pages?.server.listening) await new Promise((r) => pages.server.close(r));
    }
    await federation?.close();
  });

  /**
   * A fresh context (no shared cache or cookies), bounded in time, recording every request.
   * `offline` aborts each request off loopback. Only where no CORS is under test: while
   * Playwright intercepts requests it answers CORS preflights itself, allowing everything, so
   * the gateway's own answer would never be seen.
   */
  async function openContext({ offline }: { offline: boolean }): Promise<{ context: BrowserContext; page: Page; requested: URL[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(20_000);
    const requested: URL[] = [];
    context.on("request", (req) => void requested.push(new URL(req.url())));
    if (offline) await context.route("**", (route) => (isLoopback(new URL(route.request().url())) ? route.continue() : route.abort("blockedbyclient")));
    return { context, page: await context.newPage(), requested };
  }

  /** Opens the query page of `pages` against `gateway` and waits until its fetch settled. */
  async function runQueryPage(page: Page, pages: { origin: string }, gateway: string, path = "/query") {
    await page.goto(`${pages.origin}${path}?gateway=${encodeURIComponent(gateway)}`);
    const result = page.locator("#result:not([data-state=pending])");
    await result.waitFor();
    return { state: await result.getAttribute("data-state"), text: (await result.textContent()) ?? "" };
  }

  it("a page on another localhost origin queries the gateway with fetch and shows the answer", async () => {
    const { context, page } = await openContext({ offline: false });
    try {
      const post = page.waitForResponse((res) => res.request().method() === "POST");
      const gateway = asLocalhost(federation.gatewayUrl);
      expect(new URL(gateway).origin).not.toBe(localhostPages.origin);

      const { state, text } = await runQueryPage(page, localhostPages, gateway);
      expect(state).toBe("answered");
      const body = JSON.parse(text);
      expect(body.errors).toBeUndefined();
      expect(body.data.saarland.partnershipByOrdinal).toEqual({ id: "SL-P-10", municipality: { name: "Bexbach", ags: bexbach.ags } });
      // A JSON POST from another origin is sent only after a preflight, and read only because
      // the answer names the page's origin.
      const res = await post;
      expect(res.status()).toBe(200);
      expect((await res.allHeaders())["access-control-allow-origin"]).toBe(localhostPages.origin);
    } finally {
      await context.close();
    }
  });

  it("two allowed origins in one browser each get the same cacheable GET answer, never the other's copy", async () => {
    // The answer is cacheable (public, max-age) and names its origin in
    // access-control-allow-origin: without `Vary: Origin` the browser would give the first
    // page's copy to the second, whose CORS check would then fail.
    const second = await servePages("127.0.0.1");
    const { context, page } = await openContext({ offline: false });
    try {
      const gateway = asLocalhost(federation.gatewayUrl);
      for (const pages of [localhostPages, second]) {
        const { state, text } = await runQueryPage(page, pages, gateway, "/get");
        expect(state, `${pages.origin}: ${text}`).toBe("answered");
        expect(JSON.parse(text).data.saarland.partnershipByOrdinal.id).toBe("SL-P-10");
      }
    } finally {
      await context.close();
      await new Promise((r) => second.server.close(r));
    }
  });

  it("an origin that is not allowed gets nothing; naming it in corsOrigins lets it in", async () => {
    const { context, page } = await openContext({ offline: false });
    try {
      strictSeen.clear();
      const refused = await runQueryPage(page, foreignPages, strictUrl);
      expect(refused.state).toBe("failed");
      expect(refused.text).toMatch(/TypeError/);
      // The preflight was refused, so the browser never sent the query itself.
      expect(strictSeen.requests).toEqual([`OPTIONS ${foreignPages.origin}`]);
      expect(strictSeen.subgraphs).toEqual([]);

      allowingSeen.clear();
      const allowed = await runQueryPage(page, foreignPages, allowingUrl);
      expect(allowed.state).toBe("answered");
      expect(JSON.parse(allowed.text).data.saarland.partnershipByOrdinal.id).toBe("SL-P-10");
      expect(allowingSeen.requests).toEqual([`OPTIONS ${foreignPages.origin}`, `POST ${foreignPages.origin}`]);
    } finally {
      await context.close();
    }
  });

  it.each(["text/plain", "application/x-www-form-urlencoded"])("a cross-site %s form posting a mutation is refused with 415 and writes nothing", async (enctype) => {
    const { context, page } = await openContext({ offline: false });
    try {
      strictSeen.clear();
      const answer = page.waitForResponse((res) => res.url() === strictUrl && res.request().method() === "POST");
      await page.goto(`${foreignPages.origin}/form?enctype=${encodeURIComponent(enctype)}&gateway=${encodeURIComponent(strictUrl)}`);
      const res = await answer;
      // A form needs no preflight: the POST itself arrives, and the gateway must refuse it.
      expect(res.request().headers()["content-type"]).toContain(enctype);
      expect(strictSeen.requests).toEqual([`POST ${foreignPages.origin}`]);
      expect(res.status()).toBe(415);
      expect((await res.json()).errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(strictSeen.subgraphs).toEqual([]);

      const after = await federation.post<{ saarland: { partnerships: { totalCount: number } } }>(`{ saarland { partnerships(first: 1) { totalCount } } }`);
      expect(after.data?.saarland.partnerships.totalCount).toBe(saarlandRecords);
    } finally {
      await context.close();
    }
  });

  it("GraphiQL renders and runs a query with nothing but the gateway reachable", async () => {
    const { context, page, requested } = await openContext({ offline: true });
    try {
      const gateway = new URL(federation.gatewayUrl);
      const response = await page.goto(gateway.href, { waitUntil: "load" });
      expect(response?.headers()["content-type"]).toMatch(/text\/html/);
      await page.locator(".graphiql-container").first().waitFor();
      // The first tab is the README's question about Saarland's tenth partnership.
      await page.locator(".graphiql-execute-button").click();
      await expect.poll(() => page.locator(".graphiql-response").textContent(), { timeout: 20_000 }).toContain("SL-P-10");
      mkdirSync(new URL("../../test-results/", import.meta.url), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });

      const http = requested.filter((u) => u.protocol === "http:" || u.protocol === "https:");
      expect(http.length).toBeGreaterThan(1);
      expect(http.filter((u) => u.host !== gateway.host).map((u) => u.href)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
