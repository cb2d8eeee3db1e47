// ESLint for the project's own browser scripts (static/js/), not the libraries in
// static/vendor/ that `make assets` copies from npm. Run by `make test` and `make lint`.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    // Everything but the project's scripts: vendored libraries, collected static files, tools.
    ignores: ["static/vendor/**", "staticfiles/**", "node_modules/**", ".venv/**", "test-artifacts/**"],
  },
  js.configs.recommended,
  {
    files: ["static/js/**/*.js", "*/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      // Classic scripts, each wrapped in its own function; they share window.directoryMaps.
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Leaflet and accessible-autocomplete, loaded on demand from static/vendor/.
        L: "readonly",
        accessibleAutocomplete: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
      strict: ["error", "function"],
      "no-implicit-globals": "error",
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
