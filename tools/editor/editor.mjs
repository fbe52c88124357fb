// The query page's editor: CodeMirror 6 with its SPARQL mode, over the page's <textarea>.
// Built into kg/static/editor.js by build.sh; the page works without it (a plain textarea).
// It reaches nothing outside the page: no prefix look-ups, no shortener, no fonts.
import { autocompletion } from "@codemirror/autocomplete";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";

const area = document.querySelector("textarea[data-editor=sparql]");
const prefixes = JSON.parse(document.getElementById("kg-prefixes")?.textContent || "{}");

// kg's prefixes as completions: "kgo:" where a name starts, a PREFIX line after "PREFIX".
function complete(context) {
  const word = context.matchBefore(/[A-Za-z][\w-]*:?/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  const line = context.state.doc.lineAt(context.pos).text;
  const declaring = /^\s*PREFIX\s+\S*$/i.test(line.slice(0, context.pos - context.state.doc.lineAt(context.pos).from));
  return {
    from: word.from,
    options: Object.entries(prefixes).map(([name, iri]) => ({
      label: `${name}:`,
      detail: iri,
      type: "namespace",
      apply: declaring ? `${name}: <${iri}>` : `${name}:`,
    })),
  };
}

if (area) {
  const form = area.form;
  const run = () => {
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
    return true;
  };
  const view = new EditorView({
    doc: area.value,
    extensions: [
      keymap.of([{ key: "Mod-Enter", run }]),
      basicSetup,
      StreamLanguage.define(sparql),
      autocompletion({ override: [complete] }),
      EditorView.contentAttributes.of({ "aria-label": area.getAttribute("aria-label") || "SPARQL query" }),
    ],
  });
  area.hidden = true;
  area.after(view.dom);
  form.addEventListener("submit", () => {
    area.value = view.state.doc.toString();
  });
  window.kgEditor = view;
}
