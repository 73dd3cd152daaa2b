// Starts YASGUI on the local /sparql endpoint with the first canned question open, the others in the picker
// above the editor (grouped by kind of question), and keeps the download links pointed at the current tab's
// query. Everything it loads comes from this service.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("yasgui");
  const endpoint = new URL(root.dataset.endpoint, window.location.href).href;
  const groups = JSON.parse(document.getElementById("fengong-examples").textContent);
  const examples = new Map(groups.flatMap((group) => group.examples).map((example) => [example.name, example]));
  // A shared link carries the query in the query string or the fragment; YASGUI reads (and clears) it.
  const fromLink = /[?&#]query=/.test(window.location.search + window.location.hash);

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    // A fresh editor on every visit; a shared link (?query=...) still opens as its own tab.
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    // Only completions computed in the page: the class and property completers would ask a remote service.
    yasqe: { autocompleters: ["prefixes", "variables"] },
  });

  window.fengongYasgui = yasgui;  // for people and tests poking at the page from the console
  function open(name) {
    const example = examples.get(name);
    if (!example) return;
    yasgui.addTab(true, { name: example.title, yasqe: { value: example.query }, requestConfig: { endpoint } });
  }
  const opened = yasgui.getTab();
  if (!fromLink) {
    // YASGUI opens an empty tab of its own when nothing was shared; the first question replaces it.
    open(root.dataset.first);
    if (opened && yasgui.getTab() !== opened) opened.close();
  }
  const picker = document.getElementById("examples");
  picker.addEventListener("change", () => {
    open(picker.value);
    picker.value = "";
  });

  const csv = document.getElementById("download-csv");
  const json = document.getElementById("download-json");
  function pointDownloads() {
    const tab = yasgui.getTab();
    if (!tab) return;
    const yasqe = tab.getYasqe();
    const graph = ["CONSTRUCT", "DESCRIBE"].includes(yasqe.getQueryType());
    const link = (format) => endpoint + "?" + new URLSearchParams({ query: yasqe.getValue(), format }).toString();
    csv.textContent = graph ? "Turtle" : "CSV";
    csv.download = graph ? "answer.ttl" : "answer.csv";
    csv.href = link(graph ? "turtle" : "csv");
    json.textContent = graph ? "JSON-LD" : "JSON";
    json.download = graph ? "answer.jsonld" : "answer.json";
    json.href = link(graph ? "jsonld" : "json");
  }
  yasgui.on("tabSelect", () => setTimeout(pointDownloads, 0));
  yasgui.on("query", pointDownloads);
  yasgui.on("tabChange", pointDownloads);
  pointDownloads();
});
