// dateline explorer: routes (#/articles, #/article/ID, #/events, #/network, #/actors, #/actor/KEY, #/quotes).
import { networkChart, periodEnd, timelineChart } from "./charts.js";
import { api, el, eventDate, fill, go, newView, PAGE, pager, plural, quadBadge, QUADS, viewSignal } from "./dom.js";
import { dyadsView } from "./dyads.js";
import { renderReader } from "./reader.js";
import { storiesView, storyView } from "./stories.js";

const main = document.getElementById("main");
const EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

// What the search box in the header searches in each view: the view it leads to and the parameter it sets.
const QUICK = {
  articles: { view: "articles", param: "q", label: "Search articles…" },
  article: { view: "articles", param: "q", label: "Search articles…" },
  events: { view: "events", param: "actor", label: "Events of an actor…" },
  network: { view: "network", param: "actor", label: "Network around an actor…" },
  actors: { view: "actors", param: "q", label: "Search actors by name…" },
  actor: { view: "actors", param: "q", label: "Search actors by name…" },
  quotes: { view: "quotes", param: "q", label: "Words in a quote…" },
};

function currentView() {
  return location.hash.replace(/^#\/?/, "").split("?")[0].split("/")[0] || "articles";
}

// The list a view of one record belongs to: an address with no id ("#/story/") shows the list.
const LIST_OF = { article: "articles", actor: "actors", story: "stories" };

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const [named, ...rest] = path.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  const view = !arg && LIST_OF[named] ? LIST_OF[named] : named;
  for (const link of document.querySelectorAll("nav a")) {
    const current = view === "story" ? "stories" : view;
    link.toggleAttribute("aria-current", link.dataset.view === (current || "articles"));
  }
  followView(view || "articles", params);
  const views = { articles: articlesView, article: articleView, events: eventsView, network: networkView,
    actors: actorsView, actor: actorView, quotes: quotesView, dyads: dyadsView, stories: storiesView, story: storyView };
  const render = views[view] || articlesView;
  // A view left before its answers came draws nothing: its requests are aborted, its failure is not shown.
  const shown = newView();
  fill(main, el("p", { class: "muted" }, "Loading…"));
  render(params, arg).catch((error) => {
    if (shown.aborted) return;
    // A filter the server refused (422: a mistyped address) leaves the view without its form: offer it without
    // them. Any other failure (no such record, no server) would fail the same way there: nothing is offered.
    const way = error.status === 422 && Object.keys(params).length ? el("p", {}, el("a", { href: `#/${path}` }, "Show this view without these filters")) : null;
    fill(main, el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`), way);
  });
  showStats();
}

// The header's search box searches what the current view shows, and shows what it searched.
function followView(view, params) {
  const quick = QUICK[view] || QUICK.articles;
  const input = document.getElementById("quick-q");
  input.placeholder = quick.label;
  input.value = quick.view === view ? params[quick.param] || "" : "";
  document.getElementById("quick-label").textContent = quick.label.replace("…", "");
}

// A filter form: fields [{name, label, type, options}] -> calls onSubmit(values).
function filterForm(fields, values, onSubmit) {
  const form = el("form", { class: "filters", role: "search" });
  for (const f of fields) {
    const id = `f-${f.name}`;
    let input;
    if (f.options) {
      input = el("select", { id, name: f.name }, f.any === false ? null : el("option", { value: "" }, "any"),
        f.options.map(([value, label]) => el("option", { value, selected: String(values[f.name] || f.default || "") === String(value) }, label)));
    } else {
      input = el("input", { id, name: f.name, type: f.type || "search", value: values[f.name] || "", placeholder: f.placeholder || "", maxlength: 200 });
    }
    form.append(el("label", { for: id, title: f.title || null }, f.label, input));
  }
  form.append(el("button", { type: "submit" }, "Apply"));
  // A range that ends before it starts finds nothing (the API refuses it): say so at the field, keep the form.
  // Either end may be the one corrected, so any edit of the form clears the message.
  const until = form.elements.namedItem("until");
  if (until) form.addEventListener("input", () => until.setCustomValidity(""));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    if (until && values.since && values.until && values.since > values.until) {
      until.setCustomValidity("This day is before the first one: no day lies between them.");
      until.reportValidity();
      return;
    }
    onSubmit(values);
  });
  return form;
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
      el("span", { class: "muted small" }, ` ${[a.published, a.site].filter(Boolean).join(" · ")} · ${plural(a.n_events, "event")} · ${plural(a.n_actors, "actor")} · ${plural(a.n_quotes, "quote")}`),
      snippetNode(a.snippet)));
  }
  fill(main, el("h2", {}, "Articles"),
    filterForm([{ name: "q", label: "Words", placeholder: 'e.g. Putin "trade deal"' }, { name: "since", label: "Published from", type: "date" },
      { name: "until", label: "Published to", type: "date" }, { name: "site", label: "Site" }], params, (v) => go("articles", v)),
    data.items.length ? list : null, pager(data.total, params, "articles", "article"));
}

async function articleView(params, id) {
  const article = await api(`/api/articles/${encodeURIComponent(id)}`);
  const root = el("section", { class: "reader-view" });
  fill(main, root);
  renderReader(root, article, { selectEvent: params.event, onActor: (actor) => openActor(actor) });
}

// The lookup of the actor clicked last: a click gives up the one before, so that of two quick clicks the
// second leads even when the first one's answer comes first. Leaving the view gives it up too.
let actorLookup = new AbortController();

async function openActor(actor) {
  actorLookup.abort();
  const lookup = new AbortController();
  actorLookup = lookup;
  // the listener goes with the lookup: aborted by the next click, or once the lookup has settled
  viewSignal().addEventListener("abort", () => lookup.abort(), { once: true, signal: lookup.signal });
  try {
    const found = await api("/api/actors", { q: actor.name, country: actor.country || "", limit: 5 }, lookup.signal);
    const best = found.items.find((a) => a.name === actor.name) || found.items[0];
    location.hash = `#/actor/${encodeURIComponent(best ? best.key : actor.id)}`;
  } finally {
    lookup.abort();
  }
}

function dateCell(e) {
  const title = e.date_text ? `“${e.date_text}” in the text (${e.date_value})` : "the text gives no date for this event";
  return el("td", { class: "nowrap", title }, e.date_start ? eventDate(e) : el("span", { class: "muted" }, eventDate(e)));
}

function eventRow(e) {
  const who = (list) => list.map((p) => el("a", { href: `#/actor/${encodeURIComponent(p.key || p.id)}` }, p.name || p.id));
  const join = (nodes) => nodes.flatMap((n, i) => (i ? [", ", n] : [n]));
  return el("tr", {},
    dateCell(e),
    el("td", {}, quadBadge(e.quad, e.type)),
    el("td", {}, join(who(e.actors)), e.recipients.length ? " → " : "", join(who(e.recipients))),
    el("td", {}, e.place_name || ""),
    el("td", {}, el("a", { href: `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.id)}`, class: "evidence-link" }, e.evidence.text)));
}

function eventTable(items) {
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["Date of the event", "Event", "Who → whom", "Place", "Evidence"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, items.map(eventRow)));
}

const DATE_HINT = "Events whose own date lies wholly inside the range (an event dated only to a year is not in a month's range)";
const EVENT_FILTERS = [
  { name: "type", label: "Type", options: EVENT_TYPES.map((t) => [t, t]) },
  { name: "actor", label: "Actor" }, { name: "country", label: "Country", placeholder: "ISO-3, e.g. RUS" },
  { name: "quad", label: "Quad class", options: Object.entries(QUADS).map(([q, { name }]) => [q, name]) },
  { name: "status", label: "Status", options: ["occurred", "planned", "hypothetical", "negated"].map((s) => [s, s]) },
  { name: "place", label: "Place" },
  { name: "since", label: "Event from", type: "date", title: DATE_HINT }, { name: "until", label: "Event to", type: "date", title: DATE_HINT },
];
const BUCKETS = [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]];

// The event filters in the address (the article filter too, which links from an article set).
function filtersOnly(params) {
  const out = {};
  for (const name of [...EVENT_FILTERS.map((f) => f.name), "article"]) if (params[name]) out[name] = params[name];
  return out;
}

// The most events a CSV download holds (the API's MAX_CSV_ROWS); a larger set is exported whole by the CLI.
const CSV_ROWS = 50000;

function csvLabel(total) {
  if (total > CSV_ROWS) return `Download the first ${plural(CSV_ROWS, "event")} of these ${total.toLocaleString("en")} as CSV`;
  return `Download ${total === 1 ? "this event" : `these ${plural(total, "event")}`} as CSV`;
}

async function eventsView(params) {
  const filters = filtersOnly(params);
  const span = params.since && params.until ? (new Date(params.until) - new Date(params.since)) / 86400000 : Infinity;
  const bucket = params.bucket || (span <= 62 ? "day" : span <= 400 ? "week" : "month");
  const [data, timeline] = await Promise.all([
    api("/api/events", { ...filters, offset: params.offset, limit: PAGE }), api("/api/timeline", { ...filters, bucket })]);
  const csv = `/api/events?${new URLSearchParams({ ...filters, format: "csv", limit: CSV_ROWS })}`;
  const pick = (period) => go("events", { ...filters, since: period, until: periodEnd(period, bucket), bucket: params.bucket });
  const fields = [...EVENT_FILTERS, { name: "bucket", label: "Timeline by", options: BUCKETS, any: false, default: bucket }];
  fill(main, el("h2", {}, "Events"),
    filterForm(fields, { ...params, bucket }, (v) => go("events", v)),
    el("h3", {}, `Events by their own date, per ${bucket}`),
    timelineChart(timeline, { onPick: pick }),
    data.total ? el("p", { class: "small" }, "Select a bar to see its events. ",
      el("a", { href: csv, download: "events.csv" }, csvLabel(data.total)),
      data.total > CSV_ROWS ? " (every event: dateline export)" : null) : null,
    data.items.length ? eventTable(data.items) : null, pager(data.total, params, "events", "event"));
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
    rows.length ? el("table", {}, el("thead", {}, el("tr", {}, ["Actor", "Country", "Sector", "Kind", "Articles", "Events", "Quotes"].map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows)) : null,
    pager(data.total, params, "actors", "actor"));
}

function quoteItem(q, { speaker = true } = {}) {
  const who = !speaker ? null
    : q.speaker_key ? el("a", { href: `#/actor/${encodeURIComponent(q.speaker_key)}` }, q.speaker_name || q.speaker_text)
      : (q.speaker_text || "unattributed");
  return el("li", {},
    el("blockquote", {}, q.direct ? `“${q.text}”` : q.text),
    el("p", { class: "muted small" }, who, who ? " " : "", `${q.cue || "said"} · ${q.kind} · `,
      el("a", { href: `#/article/${encodeURIComponent(q.article_id)}` }, q.article_title || q.article_id),
      q.article_published ? ` · ${q.article_published}` : ""));
}

async function actorView(params, key) {
  const data = await api(`/api/actors/${encodeURIComponent(key)}`);
  const a = data.actor;
  const counterparts = el("ul", { class: "counterparts" }, data.counterparts.map((c) => {
    const total = Math.max(c.events, 1);
    return el("li", {}, el("a", { href: `#/actor/${encodeURIComponent(c.key)}` }, c.name), ` ${plural(c.events, "event")} `,
      el("span", { class: "split", title: `${c.cooperation} cooperation, ${c.conflict} conflict` },
        el("span", { class: "coop", style: `width:${(100 * c.cooperation) / total}%` }),
        el("span", { class: "conf", style: `width:${(100 * c.conflict) / total}%` })));
  }));
  const quotes = el("ul", { class: "quotes" }, data.quotes.map((q) => quoteItem(q, { speaker: false })));
  fill(main,
    el("h2", {}, a.name || a.key),
    el("p", { class: "muted" }, [a.title, a.kind, a.country, a.sector].filter(Boolean).join(" · "),
      ` · in ${plural(a.articles, "article")} · ${plural(a.events, "event")} · ${plural(a.quotes, "quote")}`),
    a.names && a.names.length > 1 ? el("p", { class: "small" }, `Also written: ${a.names.join(", ")}`) : null,
    el("h3", {}, "Events over time, by their own dates"), timelineChart(data.timeline, { height: 150 }),
    el("div", { class: "two-col" },
      el("section", {}, el("h3", {}, "Counterparts"), data.counterparts.length ? counterparts : el("p", { class: "empty" }, "None yet.")),
      el("section", {}, el("h3", {}, `What they said (${data.quotes.length})`), data.quotes.length ? quotes : el("p", { class: "empty" }, "No quotes."))),
    el("h3", {}, `Events (${data.events_total})`), data.events.length ? eventTable(data.events) : el("p", { class: "empty" }, "No events."),
    el("p", {}, el("a", { href: `#/events?actor=${encodeURIComponent(a.key)}` }, "All their events with filters →")));
}

async function quotesView(params) {
  const data = await api("/api/quotes", { ...params, limit: PAGE });
  const list = el("ul", { class: "quotes" }, data.items.map((q) => quoteItem(q)));
  fill(main, el("h2", {}, "Quotes"),
    filterForm([{ name: "speaker", label: "Speaker" }, { name: "q", label: "Words in the quote" },
      { name: "kind", label: "Kind", options: [["speech", "speech"], ["stance", "stance (belief, plan, position)"], ["act", "act (a deed told of someone)"]] }],
    params, (v) => go("quotes", v)),
    data.items.length ? list : null, pager(data.total, params, "quotes", "quote"));
}

// The header line: the counts of the pages it links to (actors as the Actors page counts them, across articles).
async function showStats() {
  try {
    const s = await api("/api/stats");
    const line = document.getElementById("store-stats");
    const link = (view, n, noun) => el("a", { href: `#/${view}` }, plural(n, noun));
    fill(line, link("articles", s.articles, "article"), " · ", link("events", s.events, "event"), " · ",
      link("actors", s.actor_keys, "actor"), " · ", link("quotes", s.quotes, "quote"));
  } catch {
    // the line stays as it was; the page itself reports what failed
  }
}

document.getElementById("quick-search").addEventListener("submit", (event) => {
  event.preventDefault();
  const quick = QUICK[currentView()] || QUICK.articles;
  go(quick.view, { [quick.param]: new FormData(event.target).get("q") });
});
// A request of a view left behind is aborted on purpose (see newView): where nothing waits for it (a click's
// follow-up request), its AbortError is no failure to report.
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason && event.reason.name === "AbortError") event.preventDefault();
});
window.addEventListener("hashchange", route);
route();
