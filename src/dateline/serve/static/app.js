// dateline explorer: routes (#/articles, #/article/ID, #/events, #/network, #/actors, #/actor/KEY, #/quotes).
import { networkChart, timelineChart } from "./charts.js";
import { api, el, fill, quadBadge, QUADS } from "./dom.js";
import { dyadsView } from "./dyads.js";
import { renderReader } from "./reader.js";

const main = document.getElementById("main");
const EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 20;

function go(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  location.hash = `#/${path}${query.toString() ? `?${query}` : ""}`;
}

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const [view, ...rest] = path.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  for (const link of document.querySelectorAll("nav a")) {
    link.toggleAttribute("aria-current", link.dataset.view === (view || "articles"));
  }
  const views = { articles: articlesView, article: articleView, events: eventsView, network: networkView,
    actors: actorsView, actor: actorView, quotes: quotesView, dyads: dyadsView };
  const render = views[view] || articlesView;
  fill(main, el("p", { class: "muted" }, "Loading…"));
  render(params, arg).catch((error) => fill(main, el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`)));
}

// A filter form: fields [{name, label, type, options}] -> calls onSubmit(values).
function filterForm(fields, values, onSubmit) {
  const form = el("form", { class: "filters", role: "search" });
  for (const f of fields) {
    const id = `f-${f.name}`;
    let input;
    if (f.options) {
      input = el("select", { id, name: f.name }, el("option", { value: "" }, "any"),
        f.options.map(([value, label]) => el("option", { value, selected: String(values[f.name] || "") === String(value) }, label)));
    } else {
      input = el("input", { id, name: f.name, type: f.type || "search", value: values[f.name] || "", placeholder: f.placeholder || "", maxlength: 200 });
    }
    form.append(el("label", { for: id }, f.label, input));
  }
  form.append(el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(new FormData(form)));
  });
  return form;
}

function pager(total, params, path) {
  const offset = Number(params.offset || 0);
  const nav = el("nav", { class: "pager", "aria-label": "pages" }, `${total} found`);
  if (offset > 0) nav.append(el("button", { type: "button", onclick: () => go(path, { ...params, offset: Math.max(0, offset - PAGE) }) }, "← newer"));
  if (offset + PAGE < total) nav.append(el("button", { type: "button", onclick: () => go(path, { ...params, offset: offset + PAGE }) }, "older →"));
  return nav;
}

function snippetNode(snippet) {
  const p = el("p", { class: "snippet" });
  let at = 0;
  if (snippet.truncated_start) p.append("… ");
  for (const [s, e] of snippet.hits) {
    p.append(snippet.text.slice(at, s), el("mark", {}, snippet.text.slice(s, e)));
    at = e;
  }
  p.append(snippet.text.slice(at), snippet.truncated_end ? " …" : "");
  return p;
}

async function articlesView(params) {
  const data = await api("/api/articles", { ...params, limit: PAGE });
  const list = el("ol", { class: "results", start: Number(params.offset || 0) + 1 });
  for (const a of data.items) {
    list.append(el("li", {},
      el("a", { href: `#/article/${encodeURIComponent(a.id)}`, class: "title" }, a.title || a.id),
      el("span", { class: "muted small" }, ` ${[a.published, a.site].filter(Boolean).join(" · ")} · ${a.n_events} events · ${a.n_actors} actors · ${a.n_quotes} quotes`),
      snippetNode(a.snippet)));
  }
  fill(main, el("h2", {}, "Articles"),
    filterForm([{ name: "q", label: "Words", placeholder: 'e.g. Putin "trade deal"' }, { name: "since", label: "From", type: "date" },
      { name: "until", label: "To", type: "date" }, { name: "site", label: "Site" }], params, (v) => go("articles", v)),
    list, pager(data.total, params, "articles"));
}

async function articleView(params, id) {
  const article = await api(`/api/articles/${encodeURIComponent(id)}`);
  const root = el("section", { class: "reader-view" });
  fill(main, root);
  renderReader(root, article, { selectEvent: params.event, onActor: (actor) => openActor(actor) });
}

async function openActor(actor) {
  const found = await api("/api/actors", { q: actor.name, country: actor.country || "", limit: 5 });
  const best = found.items.find((a) => a.name === actor.name) || found.items[0];
  location.hash = `#/actor/${encodeURIComponent(best ? best.key : actor.id)}`;
}

function eventRow(e) {
  const who = (list) => list.map((p) => el("a", { href: `#/actor/${encodeURIComponent(p.key || p.id)}` }, p.name || p.id));
  const join = (nodes) => nodes.flatMap((n, i) => (i ? [", ", n] : [n]));
  return el("tr", {},
    el("td", { class: "nowrap" }, e.day || "?"),
    el("td", {}, quadBadge(e.quad, e.type)),
    el("td", {}, join(who(e.actors)), e.recipients.length ? " → " : "", join(who(e.recipients))),
    el("td", {}, e.place_name || ""),
    el("td", {}, el("a", { href: `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.id)}`, class: "evidence-link" }, e.evidence.text)));
}

function eventTable(items) {
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["Date", "Event", "Who → whom", "Place", "Evidence"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, items.map(eventRow)));
}

const EVENT_FILTERS = [
  { name: "type", label: "Type", options: EVENT_TYPES.map((t) => [t, t]) },
  { name: "actor", label: "Actor" }, { name: "country", label: "Country", placeholder: "ISO-3, e.g. RUS" },
  { name: "quad", label: "Quad class", options: Object.entries(QUADS).map(([q, { name }]) => [q, name]) },
  { name: "status", label: "Status", options: ["occurred", "planned", "hypothetical", "negated"].map((s) => [s, s]) },
  { name: "place", label: "Place" }, { name: "since", label: "From", type: "date" }, { name: "until", label: "To", type: "date" },
];

function filtersOnly(params) {
  const out = {};
  for (const f of EVENT_FILTERS) if (params[f.name]) out[f.name] = params[f.name];
  return out;
}

async function eventsView(params) {
  const filters = filtersOnly(params);
  const span = params.since && params.until ? (new Date(params.until) - new Date(params.since)) / 86400000 : Infinity;
  const bucket = params.bucket || (span <= 62 ? "day" : "month");
  const [data, periods] = await Promise.all([
    api("/api/events", { ...params, limit: PAGE }), api("/api/timeline", { ...filters, bucket })]);
  const csv = `/api/events?${new URLSearchParams({ ...filters, format: "csv", limit: 50000 })}`;
  const pick = (period) => go("events", { ...filters, since: period, until: bucket === "day" ? period : endOfMonth(period) });
  fill(main, el("h2", {}, "Events"),
    filterForm(EVENT_FILTERS, params, (v) => go("events", v)),
    timelineChart(periods, { onPick: pick, bucket }),
    el("p", { class: "small" }, "Select a bar to see its events. ",
      el("a", { href: csv, download: "events.csv" }, "Download these events as CSV")),
    eventTable(data.items), pager(data.total, params, "events"));
}

function endOfMonth(period) {
  const d = new Date(`${period}T00:00:00Z`);
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return end.toISOString().slice(0, 10);
}

async function networkView(params) {
  const filters = filtersOnly(params);
  const graph = await api("/api/network", { ...filters, edges: 45 });
  fill(main, el("h2", {}, "Who acts toward whom"),
    filterForm(EVENT_FILTERS, params, (v) => go("network", v)),
    networkChart(graph, { onPick: (node) => go(`actor/${encodeURIComponent(node.key)}`) }));
}

async function actorsView(params) {
  const data = await api("/api/actors", { ...params, limit: PAGE });
  const rows = data.items.map((a) => el("tr", {},
    el("td", {}, el("a", { href: `#/actor/${encodeURIComponent(a.key)}` }, a.name)),
    el("td", {}, a.country || ""), el("td", {}, a.sector || ""), el("td", {}, a.kind || ""),
    el("td", { class: "num" }, a.articles), el("td", { class: "num" }, a.events), el("td", { class: "num" }, a.quotes)));
  fill(main, el("h2", {}, "Actors"),
    filterForm([{ name: "q", label: "Name" }, { name: "country", label: "Country", placeholder: "ISO-3" }, { name: "sector", label: "Sector", placeholder: "GOV, MIL…" }], params, (v) => go("actors", v)),
    el("table", {}, el("thead", {}, el("tr", {}, ["Actor", "Country", "Sector", "Kind", "Articles", "Events", "Quotes"].map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows)),
    pager(data.total, params, "actors"));
}

async function actorView(params, key) {
  const data = await api(`/api/actors/${encodeURIComponent(key)}`);
  const a = data.actor;
  const counterparts = el("ul", { class: "counterparts" }, data.counterparts.map((c) => {
    const total = Math.max(c.events, 1);
    return el("li", {}, el("a", { href: `#/actor/${encodeURIComponent(c.key)}` }, c.name), ` ${c.events} events `,
      el("span", { class: "split", title: `${c.cooperation} cooperation, ${c.conflict} conflict` },
        el("span", { class: "coop", style: `width:${(100 * c.cooperation) / total}%` }),
        el("span", { class: "conf", style: `width:${(100 * c.conflict) / total}%` })));
  }));
  const quotes = el("ul", { class: "quotes" }, data.quotes.map((q) => el("li", {},
    el("blockquote", {}, q.direct ? `“${q.text}”` : q.text),
    el("p", { class: "muted small" }, `${q.cue || "said"} · `, el("a", { href: `#/article/${encodeURIComponent(q.article_id)}` }, q.article_title || q.article_id), q.article_published ? ` · ${q.article_published}` : ""))));
  fill(main, 
    el("h2", {}, a.name || a.key),
    el("p", { class: "muted" }, [a.title, a.kind, a.country, a.sector].filter(Boolean).join(" · "), ` · in ${a.articles} articles · ${a.events} events · ${a.quotes} quotes`),
    a.names && a.names.length > 1 ? el("p", { class: "small" }, `Also written: ${a.names.join(", ")}`) : null,
    el("h3", {}, "Events over time"), timelineChart(data.timeline, { height: 150 }),
    el("div", { class: "two-col" },
      el("section", {}, el("h3", {}, "Counterparts"), data.counterparts.length ? counterparts : el("p", { class: "empty" }, "None yet.")),
      el("section", {}, el("h3", {}, "What they said"), data.quotes.length ? quotes : el("p", { class: "empty" }, "No quotes."))),
    el("h3", {}, `Events (${data.events_total})`), eventTable(data.events),
    el("p", {}, el("a", { href: `#/events?actor=${encodeURIComponent(a.key)}` }, "All their events with filters →")));
}

async function quotesView(params) {
  const data = await api("/api/quotes", { ...params, limit: PAGE });
  const list = el("ul", { class: "quotes" }, data.items.map((q) => el("li", {},
    el("blockquote", {}, q.direct ? `“${q.text}”` : q.text),
    el("p", { class: "muted small" },
      q.speaker_key ? el("a", { href: `#/actor/${encodeURIComponent(q.speaker_key)}` }, q.speaker_name) : (q.speaker_text || "unattributed"),
      ` ${q.cue || ""} · ${q.kind} · `, el("a", { href: `#/article/${encodeURIComponent(q.article_id)}` }, q.article_title || q.article_id)))));
  fill(main, el("h2", {}, "Quotes"),
    filterForm([{ name: "speaker", label: "Speaker" }, { name: "q", label: "Words in the quote" },
      { name: "kind", label: "Kind", options: [["speech", "speech"], ["stance", "stance (belief, plan, position)"]] }],
    params, (v) => go("quotes", v)),
    list, pager(data.total, params, "quotes"));
}

document.getElementById("quick-search").addEventListener("submit", (event) => {
  event.preventDefault();
  go("articles", { q: new FormData(event.target).get("q") });
});
api("/api/stats").then((s) => {
  document.getElementById("store-stats").textContent = `${s.articles} articles · ${s.events} events · ${s.actors} actors · ${s.quotes} quotes`;
}).catch(() => {});
window.addEventListener("hashchange", route);
route();
