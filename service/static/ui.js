// Starts YASGUI on the local /sparql endpoint with one tab per canned question, and keeps the download links
// pointed at the current tab's query. Everything it loads comes from this service.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("yasgui");
  const endpoint = new URL(root.dataset.endpoint, window.location.href).href;
  const tabs = JSON.parse(document.getElementById("fengong-tabs").textContent);
  // A shared link carries the query in the query string or the fragment; YASGUI reads (and clears) it.
  const fromLink = /[?&#]query=/.test(window.location.search + window.location.hash);

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    // Fresh example tabs on every visit; a shared link (?query=...) still opens as its own tab.
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    // Only completions computed in the page: the class and property completers would ask a remote service.
    yasqe: { autocompleters: ["prefixes", "variables"] },
  });

  window.fengongYasgui = yasgui;  // for people and tests poking at the page from the console
  const opened = yasgui.getTab();
  tabs.forEach((tab, i) => {
    yasgui.addTab(i === 0 && !fromLink, {
      name: tab.title,
      yasqe: { value: tab.query },
      requestConfig: { endpoint },
    });
  });
  // YASGUI opens an empty tab of its own when nothing was shared; the questions replace it.
  if (opened && !fromLink && tabs.length > 0) {
    opened.close();
  }

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
