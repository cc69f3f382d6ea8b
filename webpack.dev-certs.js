// HTTPS for `npm run dev-server`. office-addin-dev-certs makes a development CA and a localhost
// certificate, then installs the CA in the system's store through `sudo` (Linux) or the keychain
// (macOS). Where that install cannot be done — root in a container without sudo, no admin rights —
// the server still starts, with the certificates made, and says how to trust them by hand.
const fs = require("fs");

/** The paths office-addin-dev-certs writes to (~/.office-addin-dev-certs). */
function certificatePaths() {
  const d = require("office-addin-dev-certs/lib/defaults");
  return { ca: d.caCertificatePath, cert: d.localhostCertificatePath, key: d.localhostKeyPath };
}

const TRUST_BY_HAND = (ca) =>
  [
    "[hoctap] The development CA could not be installed in the system's trust store, so browsers and",
    "         Office will not trust https://localhost until it is. The server starts with the",
    `         certificates in ${require("path").dirname(ca)}. To trust them (Debian/Ubuntu, as root):`,
    `           mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp '${ca}' /usr/local/share/ca-certificates/office-addin-dev-certs/ && update-ca-certificates`,
    "         then restart the dev server; elsewhere: npx office-addin-dev-certs install (with admin rights).",
  ].join("\n");

/**
 * `{ ca, key, cert }` for webpack-dev-server. `devCerts`, `paths` and `log` are for the tests.
 */
async function devServerHttps({
  devCerts = require("office-addin-dev-certs"),
  paths = certificatePaths(),
  log = (text) => console.warn(text),
} = {}) {
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (e) {
    // Made but not installed (the usual case: `sudo: not found`), or not made at all.
    if (![paths.ca, paths.cert, paths.key].every((p) => fs.existsSync(p)))
      await devCerts.generateCertificates(paths.ca, paths.cert, paths.key);
    log(`${TRUST_BY_HAND(paths.ca)}\n         (${String(e && e.message).split("\n")[0]})`);
    return {
      ca: fs.readFileSync(paths.ca),
      key: fs.readFileSync(paths.key),
      cert: fs.readFileSync(paths.cert),
    };
  }
}

module.exports = { devServerHttps };
