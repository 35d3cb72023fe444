// Stories (#/stories, #/story/ID): one real-world incident each, with the articles of every outlet that report it,
// its events counted once (instances) with each mention's evidence, and a timeline of its coverage.
import { api, clickable, el, fill, go, PAGE, pager, plural, quadBadge, svg } from "./dom.js";

function span(first, last) {
  return first === last ? `${first || "undated"}` : `${first || "?"} – ${last || "?"}`;
}

export async function storiesView(params) {
  const main = document.getElementById("main");
  const offset = Number(params.offset || 0);
  const data = await api("/api/stories", { ...params, limit: PAGE, offset });
  const list = el("ol", { class: "results", start: offset + 1 });
  for (const s of data.items) {
    list.append(el("li", {},
      el("a", { href: `#/story/${encodeURIComponent(s.id)}`, class: "title" }, s.title || s.id),
      el("span", { class: "muted small" }, ` ${span(s.first_report, s.last_report)} · ${plural(s.articles, "article")} · `
        + `${plural(s.sources, "source")} · ${plural(s.instances, "event")}`)));
  }
  const form = el("form", { class: "filters", role: "search" },
    el("label", { for: "f-q" }, "Title", el("input", { id: "f-q", name: "q", type: "search", value: params.q || "", maxlength: 200 })),
    el("label", { for: "f-min" }, "At least", el("input", { id: "f-min", name: "min_articles", type: "number", min: 1, value: params.min_articles || 1 }), " articles"),
    el("label", { for: "f-order" }, "Order", el("select", { id: "f-order", name: "order" },
      el("option", { value: "articles", selected: params.order !== "newest" }, "most reported"),
      el("option", { value: "newest", selected: params.order === "newest" }, "newest"))),
    el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go("stories", Object.fromEntries(new FormData(form)));
  });
  fill(main, el("h2", {}, "Stories"), form, data.items.length ? list : null, pager(data.total, params, "stories", "story", "stories"));
}

// Articles per day of the story's coverage, one bar a day from its first report to its last.
function coverageChart(days, { width = 900, height = 120 } = {}) {
  if (!days.length) return el("p", { class: "muted small" }, "No dated article.");
  const first = new Date(`${days[0].day}T00:00:00Z`);
  const span = Math.round((new Date(`${days[days.length - 1].day}T00:00:00Z`) - first) / 86400000) + 1;
  const most = Math.max(...days.map((d) => d.articles));
  const barW = Math.max(width / span - 2, 2);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height + 20}`, class: "chart", role: "img",
    "aria-label": `Articles per day, ${days[0].day} to ${days[days.length - 1].day}` });
  for (const d of days) {
    const i = Math.round((new Date(`${d.day}T00:00:00Z`) - first) / 86400000);
    const h = Math.max((d.articles / most) * height, 2);
    chart.append(svg("rect", { x: (i * width) / span, y: height - h, width: barW, height: h, class: "coverage-bar" },
      svg("title", {}, `${d.day}: ${plural(d.articles, "article")} from ${plural(d.sources, "source")}`)));
  }
  chart.append(svg("text", { x: 0, y: height + 16, class: "axis" }, days[0].day),
    svg("text", { x: width, y: height + 16, "text-anchor": "end", class: "axis" }, days[days.length - 1].day));
  return chart;
}

async function showMentions(row, instance) {
  const data = await api(`/api/instances/${encodeURIComponent(instance.id)}`, { limit: 200 });
  const list = el("ul", { class: "mentions" }, data.mention_list.map((m) => el("li", {},
    el("span", { class: "muted small" }, `${[m.published, m.site].filter(Boolean).join(" · ")}: `),
    el("a", { href: `#/article/${encodeURIComponent(m.article_id)}?event=${encodeURIComponent(m.event_id)}`, class: "evidence-link" },
      m.evidence_text))));
  row.after(el("tr", { class: "mention-row" }, el("td", { colspan: 6 }, list)));
}

function instancesTable(instances) {
  const body = el("tbody");
  for (const i of instances) {
    const row = el("tr", {},
      el("td", {}, quadBadge(i.quad, i.type)),
      el("td", {}, i.status),
      el("td", { class: "nowrap" }, i.date_value || i.day || "?"),
      el("td", {}, [...i.actors, ...(i.recipients.length ? ["→", ...i.recipients] : [])].join(" ")),
      el("td", { class: "num" }, i.articles),
      el("td", { class: "num" }, i.sources));
    let open = false;
    clickable(row, () => { if (!open) { open = true; showMentions(row, i); } }, `Show the reports of this ${i.type} event`);
    body.append(row);
  }
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["Event", "Status", "Date", "Who", "Articles", "Sources"].map((h) => el("th", { scope: "col" }, h)))), body);
}

export async function storyView(params, id) {
  const main = document.getElementById("main");
  const s = await api(`/api/stories/${encodeURIComponent(id)}`);
  const articles = el("ol", { class: "results" }, s.article_list.map((a) => el("li", {},
    el("a", { href: `#/article/${encodeURIComponent(a.id)}`, class: "title" }, a.title || a.id),
    el("span", { class: "muted small" }, ` ${[a.published, a.site].filter(Boolean).join(" · ")}${a.duplicate_of ? " · near-duplicate" : ""}`))));
  fill(main, el("h2", {}, s.title || s.id),
    el("p", { class: "muted small" }, `${span(s.first_report, s.last_report)} · ${plural(s.articles, "article")} from `
      + `${plural(s.sources, "source")} · ${plural(s.events, "event record")}, ${plural(s.instances, "real-world event")}`),
    el("h3", {}, "Coverage"), coverageChart(s.coverage),
    el("h3", {}, "Events"), el("p", { class: "small" }, "Select an event to see every report of it."),
    s.instance_list.length ? instancesTable(s.instance_list) : el("p", { class: "empty" }, "No events coded."),
    el("h3", {}, "Articles"), articles);
}
