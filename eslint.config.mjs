// The JavaScript linter (`make lint`; part of `make test-fast` and so of CI). Pinned in package.json.
// Our scripts are plain browser scripts (no bundler, no modules): each wraps itself in a function and
// talks to the others through window.CURSUS_INDEX and the few globals listed below.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["_build/**", "node_modules/**", ".venv/**"] },
  js.configs.recommended,
  {
    files: ["book/_static/**/*.js", "tools/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        CURSUS_INDEX: "readonly",
        // Sphinx's search page and page options (searchtools.js, documentation_options.js)
        Search: "readonly", Documentation: "readonly", Scorer: "writable", stopwords: "readonly", DOCUMENTATION_OPTIONS: "readonly",
        // reveal.js and its notes plugin, loaded before the deck's own script
        Reveal: "readonly", RevealNotes: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
    },
  },
  {
    files: ["book/_static/*worker*.js"],
    // the runtime worker is a module worker (it imports Pyodide's ES module)
    languageOptions: { sourceType: "module", globals: { ...globals.worker } },
  },
];
