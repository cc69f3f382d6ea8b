// `npm run dev-server` where the development CA cannot be installed (root without sudo, no admin
// rights): the server gets the certificates made, and the developer is told how to trust them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The webpack helper is plain CommonJS, as webpack.config.js loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { devServerHttps } = require("../webpack.dev-certs.js") as {
  devServerHttps(o: {
    devCerts: {
      getHttpsServerOptions(): Promise<Record<string, unknown>>;
      generateCertificates(...p: string[]): Promise<void>;
    };
    paths: { ca: string; cert: string; key: string };
    log: (t: string) => void;
  }): Promise<{ ca: Buffer | string; key: Buffer | string; cert: Buffer | string }>;
};

function place() {
  const dir = mkdtempSync(join(tmpdir(), "hoctap-certs-"));
  return { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
}

const installFails = (generated: string[] = []) => ({
  getHttpsServerOptions: () =>
    Promise.reject(new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found")),
  generateCertificates: (...paths: string[]) => {
    generated.push(...paths);
    for (const p of paths) writeFileSync(p, `made ${p}`);
    return Promise.resolve();
  },
});

test("installed as office-addin-dev-certs does it: its options, nothing said", async () => {
  const said: string[] = [];
  const options = await devServerHttps({
    devCerts: {
      getHttpsServerOptions: () => Promise.resolve({ ca: "CA", key: "KEY", cert: "CERT", other: 1 }),
      generateCertificates: () => Promise.reject(new Error("not called")),
    },
    paths: place(),
    log: (t) => said.push(t),
  });
  expect(options).toEqual({ ca: "CA", key: "KEY", cert: "CERT" });
  expect(said).toEqual([]);
});

test("the CA made but not installed (no sudo): the server gets those files, and how to trust them", async () => {
  const paths = place();
  for (const p of Object.values(paths)) writeFileSync(p, `existing ${p}`);
  const said: string[] = [];
  const generated: string[] = [];
  const options = await devServerHttps({
    devCerts: installFails(generated),
    paths,
    log: (t) => said.push(t),
  });
  expect(generated).toEqual([]);
  expect(String(options.cert)).toBe(`existing ${paths.cert}`);
  expect(String(options.key)).toBe(`existing ${paths.key}`);
  expect(said).toHaveLength(1);
  expect(said[0]).toContain(`cp '${paths.ca}' /usr/local/share/ca-certificates/office-addin-dev-certs/`);
  expect(said[0]).toContain("update-ca-certificates");
  expect(said[0]).toContain("sudo: not found");
});

test("nothing made yet and the install refused: the certificates are made, then used", async () => {
  const paths = place();
  const generated: string[] = [];
  const options = await devServerHttps({ devCerts: installFails(generated), paths, log: () => undefined });
  expect(generated).toEqual([paths.ca, paths.cert, paths.key]);
  expect(existsSync(paths.key)).toBe(true);
  expect(String(options.ca)).toBe(readFileSync(paths.ca, "utf8"));
});
