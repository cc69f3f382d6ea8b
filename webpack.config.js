const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
// Only the dev server needs certificates; `npm run build` never touches them.
const { devServerHttps } = require("./webpack.dev-certs");
const { PaneBuiltinSets } = require("./webpack.sets");

const urlDev = "https://localhost:3000/";
// The production address is set at build time (ADDIN_URL), never edited by hand in manifest.xml.
const defaultUrlProd = "https://hoctap.example.org/";

function productionUrl() {
  const url = process.env.ADDIN_URL || defaultUrlProd;
  if (!/^https:\/\/[^\s"'<>]+\/$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https:// address ending with "/": got ${url}`);
  }
  if (!process.env.ADDIN_URL) {
    console.warn(`[hoctap] ADDIN_URL is not set: manifest.xml points at the placeholder ${url}`);
  }
  return url;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const urlProd = dev ? urlDev : productionUrl();
  return {
    devtool: dev ? "eval-source-map" : process.env.BUNDLE_MAP ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pane is written against React's API and runs on Preact's compatibility layer: the pane
      // uses Fluent only for its provider, themes and tokens (its controls are our own), and React
      // DOM alone was a third of the gzipped bundle (~36 kB of ~125 kB). The browser tests drive this
      // build; the unit tests render the same components with React.
      alias: {
        react: "preact/compat",
        "react-dom/test-utils": "preact/test-utils",
        "react-dom/client": "preact/compat/client",
        "react-dom": "preact/compat",
        "react/jsx-runtime": "preact/jsx-runtime",
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    target: ["web", "es2020"],
    optimization: {
      minimizeOptions: {
        javascript: {
          ecma: 2020,
          module: true,
          compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
          format: { ecma: 2020 },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new PaneBuiltinSets(),
      // The English words are data fetched for an English Office only (src/taskpane/strings-en.ts).
      new webpack.NormalModuleReplacementPlugin(
        /[\\/]strings-en$/,
        path.resolve(__dirname, "src/taskpane/strings-en-fetch.ts")
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/strings-en.json", to: "strings-en.json" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev) return content;
              // Page addresses take the full production URL; the AppDomain takes its origin.
              return content
                .toString()
                .split(urlDev)
                .join(urlProd)
                .split(urlDev.slice(0, -1))
                .join(new URL(urlProd).origin);
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttps() } : "http",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
