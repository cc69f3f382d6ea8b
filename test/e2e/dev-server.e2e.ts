// `npm run dev-server` as a developer runs it, here as root without sudo: webpack-dev-server starts
// and serves the pane over HTTPS with the development certificates, whether or not their CA could
// be installed in the system's store. HOME is a folder of the test's own, so no developer's
// certificates are touched; the server is stopped by its own process group.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

function get(url: string): Promise<{ status: number; body: string; issuer: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      const issuer = String(
        (res.socket as unknown as { getPeerCertificate(): { issuer?: { O?: string } } }).getPeerCertificate()
          .issuer?.O ?? ""
      );
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, issuer }));
    });
    req.on("error", reject);
    req.end();
  });
}

let server: ChildProcess | undefined;
afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

test("the dev server starts without sudo and serves the pane over HTTPS", async () => {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), "hoctap-home-"));
  let log = "";
  server = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
      "serve",
      "--mode",
      "development",
      "--port",
      String(port),
    ],
    { cwd: ROOT, env: { ...process.env, HOME: home }, detached: true }
  );
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const ended = new Promise<number | null>((resolve) => server?.on("exit", resolve));
  // Compiling takes a while on a busy machine: wait for the server's own word, not a clock.
  const compiled = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (/compiled (successfully|with)/.test(log)) {
        clearInterval(poll);
        resolve();
      }
    }, 200);
  });
  const exit = await Promise.race([compiled.then(() => "running"), ended]);
  expect({ exit, log: exit === "running" ? "" : log }).toEqual({ exit: "running", log: "" });
  const page = await get(`https://localhost:${port}/taskpane.html`);
  expect(page.status).toBe(200);
  expect(page.body).toContain("<html");
  expect(page.issuer).toBe("Developer CA for Microsoft Office Add-ins");
  // Either the CA went into the store, or the developer was told how to put it there.
  expect(log).toMatch(/You now have trusted access|could not be installed in the system's trust store/);
}, 300000);
