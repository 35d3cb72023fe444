// Dyads (#/dyads?a=USA&b=RUS&by=month): events between two countries (or actors) per period and quad class,
// A toward B drawn above the axis and B toward A below it, dated by each event's own date.
import { legend } from "./charts.js";
import { api, el, fill, go, quadName, QUADS, svg } from "./dom.js";

// Periods drawn at most; a longer range shows its latest periods and says how many events it leaves out.
const MAX_PERIODS = 240;
const BY = [["month", "month"], ["week", "week"], ["year", "year"]];

// Every period start from first to last (ISO dates), so that gaps in time show as gaps.
function periodStarts(first, last, by) {
  const out = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end) {
    out.push(d.toISOString().slice(0, 10));
    if (by === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
    else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 7);
  }
  return out;
}

// rows: the API's dyad rows for one pair -> {starts, labels, up, down, hidden}: counts per period and quad.
function shape(rows, a, by) {
  if (!rows.length) return null;
  const firstStart = rows.reduce((m, r) => (r.period_start < m ? r.period_start : m), rows[0].period_start);
  const lastStart = rows.reduce((m, r) => (r.period_start > m ? r.period_start : m), rows[0].period_start);
  let starts = periodStarts(firstStart, lastStart, by);
  const hiddenBefore = starts.length > MAX_PERIODS ? starts[starts.length - MAX_PERIODS] : null;
  if (hiddenBefore) starts = starts.slice(-MAX_PERIODS);
  const index = new Map(starts.map((s, i) => [s, i]));
  const empty = () => starts.map(() => ({ 1: 0, 2: 0, 3: 0, 4: 0 }));
  const up = empty(), down = empty(), labels = new Map();
  let hidden = 0;
  for (const r of rows) {
    const i = index.get(r.period_start);
    if (i === undefined) { hidden += r.events; continue; }
    labels.set(i, r.period);
    (r.actor === a ? up : down)[i][r.quad] += r.events;
  }
  return { starts, labels, up, down, hidden, hiddenBefore };
}

function bars(chart, counts, { x, barW, axis, scale, sign, direction, labelOf }) {
  counts.forEach((slot, i) => {
    let y = axis;
    for (const quad of [1, 2, 3, 4]) {
      const n = slot[quad];
      if (!n) continue;
      const h = Math.max(n * scale, 1);
      const top = sign > 0 ? y - h : y;
      chart.append(svg("rect", { x: x(i), y: top, width: barW, height: h, fill: QUADS[quad].color, class: "dyad-bar" },
        svg("title", {}, `${labelOf(i)}, ${direction}: ${n} ${quadName(quad)}`)));
      y = sign > 0 ? y - h : y + h;
    }
  });
}

export function dyadChart(rows, { a, b, by, width = 900, height = 300 }) {
  const data = shape(rows, a, by);
  if (!data) return el("p", { class: "empty" }, `No dated events between ${a} and ${b}.`);
  const total = (side) => side.map((s) => s[1] + s[2] + s[3] + s[4]);
  const max = Math.max(...total(data.up), ...total(data.down), 1);
  const pad = { left: 96, right: 8, top: 18, bottom: 34 };
  const half = (height - pad.top - pad.bottom) / 2;
  const axis = pad.top + half;
  const step = (width - pad.left - pad.right) / data.starts.length;
  const barW = Math.max(1, Math.min(36, step - 2));
  const x = (i) => pad.left + i * step + (step - barW) / 2;
  const labelOf = (i) => data.labels.get(i) || data.starts[i];
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart dyads", role: "img",
    "aria-label": `Events between ${a} and ${b} per ${by}: ${a} toward ${b} above the line, ${b} toward ${a} below` });
  chart.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: axis, y2: axis, class: "axis" }));
  chart.append(svg("text", { x: pad.left - 6, y: pad.top + 4, class: "tick", "text-anchor": "end" }, `${a} → ${b}`));
  chart.append(svg("text", { x: pad.left - 6, y: pad.top + 2 * half, class: "tick", "text-anchor": "end" }, `${b} → ${a}`));
  chart.append(svg("text", { x: pad.left + 4, y: pad.top - 4, class: "tick" }, String(max)));
  const scale = half / max;
  bars(chart, data.up, { x, barW, axis, scale, sign: 1, direction: `${a} → ${b}`, labelOf });
  bars(chart, data.down, { x, barW, axis, scale, sign: -1, direction: `${b} → ${a}`, labelOf });
  const every = Math.ceil(data.starts.length / 10);
  data.starts.forEach((start, i) => {
    if (i % every === 0) {
      chart.append(svg("text", { x: x(i) + barW / 2, y: height - 10, class: "tick", "text-anchor": "middle" }, labelOf(i)));
    }
  });
  const note = data.hidden
    ? el("p", { class: "muted small" }, `${data.hidden} earlier events (before ${data.hiddenBefore}) are not drawn.`)
    : null;
  return el("figure", { class: "chart-box" }, chart, legend(), note);
}

function rowsTable(rows) {
  return el("table", { class: "dyad-rows" },
    el("thead", {}, el("tr", {}, ["Period", "Actor", "Recipient", "Quad class", "Events", "Real-world events", "Articles"]
      .map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, el("td", {}, r.period), el("td", {}, r.actor), el("td", {}, r.recipient),
      el("td", {}, quadName(r.quad)), el("td", { class: "num" }, r.events), el("td", { class: "num" }, r.instances),
      el("td", { class: "num" }, r.articles)))));
}

function pairForm(params, pairs) {
  const form = el("form", { class: "filters", role: "search" });
  const choice = el("select", { id: "f-pair", name: "pair" }, el("option", { value: "" }, "choose…"),
    pairs.map((p) => el("option", { value: `${p.a}|${p.b}`, selected: params.a === p.a && params.b === p.b },
      `${p.a} – ${p.b} (${p.events})`)));
  choice.addEventListener("change", () => {
    const [a, b] = choice.value.split("|");
    if (a && b) go("dyads", { ...params, a, b });
  });
  const input = (name, label) => el("label", { for: `f-${name}` }, label,
    el("input", { id: `f-${name}`, name, value: params[name] || "", placeholder: "ISO-3, e.g. USA", maxlength: 100 }));
  form.append(el("label", { for: "f-pair" }, "Busiest pairs", choice), input("a", "Country A"), input("b", "Country B"),
    el("label", { for: "f-by" }, "Per", el("select", { id: "f-by", name: "by" },
      BY.map(([v, l]) => el("option", { value: v, selected: (params.by || "month") === v }, l)))),
    el("label", { for: "f-undated" }, "Events with no date of their own", el("select", { id: "f-undated", name: "undated" },
      el("option", { value: "skip", selected: params.undated !== "publication" }, "left out"),
      el("option", { value: "publication", selected: params.undated === "publication" }, "dated by publication"))),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    delete values.pair;
    go("dyads", values);
  });
  return form;
}

export async function dyadsView(params) {
  const main = document.getElementById("main");
  const by = params.by || "month";
  const undated = params.undated || "skip";
  const pairs = await api("/api/dyads/pairs", { by, undated, limit: 40 });
  const a = params.a || (pairs.items[0] && pairs.items[0].a);
  const b = params.b || (pairs.items[0] && pairs.items[0].b);
  const head = [el("h2", {}, "Between two countries"), pairForm({ ...params, a, b, by, undated }, pairs.items)];
  if (!a || !b) {
    fill(main, ...head, el("p", { class: "empty" }, "No events between two countries with a date of their own."));
    return;
  }
  const data = await api("/api/dyads", { a, b, by, undated });
  const store = data.store;
  fill(main, ...head,
    el("h3", {}, `${data.a} and ${data.b}, per ${by}`),
    dyadChart(data.rows, { a: data.a, b: data.b, by }),
    el("p", { class: "muted small" },
      `Each event is dated by its own date at its own precision${undated === "publication" ? " (one with none by its article's publication date)" : ""}. `
      + `In the whole store, ${store.counted} events are counted; `
      + `${store.undated} have no date of their own${undated === "skip" ? " and are left out" : ""}, ${store.coarser} are dated `
      + `coarser than a ${by}, and ${store.no_pair} lack a country on one side.`),
    data.rows.length ? rowsTable(data.rows) : null);
}
