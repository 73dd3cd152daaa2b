// The result table of the editor: YASR's own table plugin, with its cells written for people. An IRI shows its
// label (looked up in one query to this service's endpoint) beside its compact form (the query's prefixes, then
// fengong's), and links to this service's own page for fengong IRIs; numbers show as numbers; cells wrap, so
// the table fits the window. Loaded before ui.js, which starts YASGUI.
"use strict";

(() => {
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMBERS = new Set(["integer", "int", "long", "short", "byte", "decimal", "double", "float",
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedInt",
    "unsignedLong", "unsignedShort", "unsignedByte"].map((name) => XSD + name));
  const ID = "https://w3id.org/fengong/id/";
  const ONTOLOGY = "https://w3id.org/fengong/ontology#";
  //: At most this many IRIs of one answer get their labels looked up (one query).
  const MAX_LABELLED = 400;
  const labels = new Map();  // IRI → label, kept for the page's life
  const own = JSON.parse(document.getElementById("fengong-prefixes").textContent);
  const endpoint = new URL(document.getElementById("yasgui").dataset.endpoint, window.location.href).href;

  const escape = (text) => String(text).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  function compact(iri, prefixes) {
    let best = null;
    for (const [prefix, namespace] of Object.entries({ ...own, ...prefixes })) {
      if (iri.startsWith(namespace) && iri.length > namespace.length && (!best || namespace.length > best[1].length)) {
        best = [prefix, namespace];
      }
    }
    return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
  }

  // Where a cell links: this service's page for fengong's IRIs, the IRI itself for other web IRIs.
  function link(iri) {
    if (iri.startsWith(ID)) return { href: "/id/" + iri.slice(ID.length), local: true };
    if (iri.startsWith(ONTOLOGY)) return { href: "/ontology#" + iri.slice(ONTOLOGY.length), local: true };
    if (/^https?:\/\//.test(iri)) return { href: iri, local: false };
    return null;
  }

  function number(value, datatype) {
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) return value;
    return datatype.endsWith("nteger") || Number.isInteger(parsed) ? value : String(+parsed.toFixed(4));
  }

  // The labels of the IRIs of an answer not yet known: skos:prefLabel, rdfs:label or dct:title (Chinese first),
  // and "任务 K" for a task, called by its outline key (unique in its plan; printed numbers repeat), else its number.
  async function lookUpLabels(bindings) {
    const wanted = new Set();
    for (const row of bindings) {
      for (const term of Object.values(row)) {
        if (term.type === "uri" && !labels.has(term.value) && wanted.size < MAX_LABELLED) wanted.add(term.value);
      }
    }
    if (!wanted.size) return;
    const values = Array.from(wanted, (iri) => "<" + iri.replace(/[<>"{}|^`\\\s]/g, "") + ">").join(" ");
    const query = `SELECT ?s ?label ?lang WHERE { VALUES ?s { ${values} }
      { ?s <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2000/01/rdf-schema#label>|<http://purl.org/dc/terms/title> ?l .
        BIND (STR(?l) AS ?label) BIND (LANG(?l) AS ?lang) }
      UNION { ?s <${ONTOLOGY}outlineKey> ?n . BIND (CONCAT("任务 ", STR(?n)) AS ?label) BIND ("task" AS ?lang) }
      UNION { ?s <${ONTOLOGY}taskNumber> ?n . BIND (CONCAT("任务 ", STR(?n)) AS ?label) BIND ("number" AS ?lang) } }`;
    wanted.forEach((iri) => labels.set(iri, null));
    try {
      const response = await fetch(endpoint, { method: "POST", body: new URLSearchParams({ query }),
        headers: { Accept: "application/sparql-results+json" } });
      if (!response.ok) return;
      const rank = { zh: 0, task: 0, number: 1, "": 2, en: 3 };
      const best = new Map();
      for (const row of (await response.json()).results.bindings) {
        const score = rank[row.lang.value] ?? 3;
        const known = best.get(row.s.value);
        if (!known || score < known[0]) best.set(row.s.value, [score, row.label.value]);
      }
      best.forEach(([, label], iri) => labels.set(iri, label));
    } catch (error) {
      console.warn("labels could not be looked up", error);
    }
  }

  const Table = Yasgui.Yasr.plugins.table;

  class FengongTable extends Table {
    async draw(persistentConfig) {
      // Wrapped cells, not YASR's ellipsis, unless the person turns it on.
      await lookUpLabels(this.yasr.results?.getBindings() || []);
      await super.draw({ isEllipsed: false, ...persistentConfig });
      // Too many columns for the window even with wrapped cells: equal widths, and words broken where they must.
      if (this.tableEl && this.tableEl.scrollWidth > this.yasr.resultsEl.clientWidth) {
        this.destroyResizer();  // its grips stand where the columns were
        this.tableEl.classList.add("squeezed");
        this.tableEl.style.width = "";
        this.tableEl.querySelectorAll("th, col").forEach((cell) => { cell.style.width = ""; });
      }
    }

    // Column titles may break where a camelCase word does (openList<wbr>Tasks), so that many columns fit.
    getColumns() {
      return super.getColumns().map((column) => column.title === undefined ? column
        : { ...column, title: column.title.replace(/([a-z0-9])([A-Z])/g, "$1<wbr>$2") });
    }

    getCellContent(binding, prefixes) {
      if (binding.type === "uri") {
        const target = link(binding.value);
        const label = labels.get(binding.value);
        const short = escape(compact(binding.value, prefixes));
        const name = label ? `<span class="label">${escape(label)}</span> <span class="curie">${short}</span>`
          : `<span class="curie">${short}</span>`;
        if (!target) return `<div>${name}</div>`;
        const away = target.local ? "" : " target='_blank' rel='noopener noreferrer'";
        return `<div><a class="iri" href="${escape(target.href)}" title="${escape(binding.value)}"${away}>${name}</a></div>`;
      }
      const datatype = binding.datatype || "";
      if (NUMBERS.has(datatype)) return `<div class="num">${escape(number(binding.value, datatype))}</div>`;
      const lang = binding["xml:lang"] ? `<span class="lang">@${escape(binding["xml:lang"])}</span>` : "";
      const plain = ["string", "langString", "boolean"].some((name) => datatype.endsWith("#" + name));
      const type = datatype && !plain ? ` <span class="datatype">${escape(compact(datatype, prefixes))}</span>` : "";
      return `<div><span class="nonIri">${escape(binding.value)}</span>${lang}${type}</div>`;
    }
  }

  Yasgui.Yasr.registerPlugin("table", FengongTable);
})();
