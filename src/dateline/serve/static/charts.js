// Pictures: an events timeline (stacked bars by quad class) and an actor network (laid out by d3-force,
// vendored in /static/vendor and loaded before this module as the global `d3`).
import { QUADS, clickable, el, plural, quadName, svg } from "./dom.js";

// The timeline draws the shortest run of periods that holds this share of the dated events, so that a
// few events dated decades away (history mentioned in the news) do not squeeze the rest into one corner;
// the events left out are counted below the chart.
const CORE_SHARE = 0.95;

function coreRange(rows) {
  const perPeriod = new Map();
  for (const r of rows) perPeriod.set(r.period, (perPeriod.get(r.period) || 0) + r.events);
  const periods = [...perPeriod.keys()].sort();
  const counts = periods.map((p) => perPeriod.get(p));
  const total = counts.reduce((a, b) => a + b, 0);
  // The shortest window (by time) of consecutive periods holding CORE_SHARE of the events.
  let best = [0, periods.length - 1];
  let [first, sum] = [0, 0];
  for (let last = 0; last < periods.length; last++) {
    sum += counts[last];
    while (first < last && sum - counts[first] >= total * CORE_SHARE) sum -= counts[first++];
    if (sum >= total * CORE_SHARE && days(periods[first], periods[last]) < days(periods[best[0]], periods[best[1]])) best = [first, last];
  }
  const [from, to] = [periods[best[0]], periods[best[1]]];
  const outside = rows.filter((r) => r.period < from || r.period > to).reduce((a, r) => a + r.events, 0);
  return { first: from, last: to, outside, from: periods[0], to: periods[periods.length - 1] };
}

function days(a, b) {
  return (new Date(`${b}T00:00:00Z`) - new Date(`${a}T00:00:00Z`)) / 86400000;
}

// What the timeline does not draw at this scale: events dated more coarsely than a bar, and undated ones.
function notDrawn(timeline) {
  const parts = timeline.coarser.map((c) => `${plural(c.events, "event")} dated only to a ${c.precision}`);
  if (timeline.undated) parts.push(`${plural(timeline.undated, "event")} with no date in the text`);
  if (!parts.length) return null;
  const hint = timeline.coarser.length ? " (a coarser view draws the ones with a date)" : "";
  return el("p", { class: "muted small not-drawn" }, `Not drawn at this scale: ${parts.join(", ")}${hint}.`);
}

// timeline: {bucket, periods: [{period, quad, events}], coarser: [{precision, events}], undated}.
export function timelineChart(timeline, { width = 900, height = 180, onPick = null } = {}) {
  const { bucket, periods: rows } = timeline;
  if (!rows.length) return el("div", {}, el("p", { class: "empty" }, "No event with a date to draw at this scale."), notDrawn(timeline));
  const range = coreRange(rows);
  const periods = fillPeriods(range.first, range.last, bucket);
  const byPeriod = new Map(periods.map((p) => [p, { 1: 0, 2: 0, 3: 0, 4: 0, 0: 0 }]));
  for (const r of rows) {
    const slot = byPeriod.get(r.period);
    if (slot) slot[r.quad || 0] += r.events;
  }
  const totals = periods.map((p) => Object.values(byPeriod.get(p)).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const pad = { left: 52, right: 8, top: 10, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const barW = Math.max(1, Math.min(40, plotW / periods.length - 2));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart timeline", role: "img",
    "aria-label": `Events over time by their own dates, ${periods.length} ${bucket}s, coloured by quad class` });
  chart.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH, class: "axis" }));
  chart.append(svg("text", { x: pad.left - 6, y: pad.top + 8, class: "tick", "text-anchor": "end" }, String(max)));
  chart.append(svg("text", { x: pad.left - 6, y: pad.top + plotH, class: "tick", "text-anchor": "end" }, "0"));
  const step = plotW / periods.length;
  const labelEvery = Math.ceil(periods.length / 10);
  periods.forEach((period, i) => {
    const x = pad.left + i * step + (step - barW) / 2;
    let y = pad.top + plotH;
    const group = svg("g", { class: "bar" });
    for (const quad of [1, 2, 3, 4, 0]) {
      const n = byPeriod.get(period)[quad];
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      const fill = QUADS[quad] ? QUADS[quad].color : "#999";
      group.append(svg("rect", { x, y, width: barW, height: Math.max(h, 1), fill },
        svg("title", {}, `${label(period, bucket)}: ${plural(n, "event")}, ${quadName(quad)}`)));
    }
    if (onPick && totals[i]) clickable(group, () => onPick(period), `${label(period, bucket)}: ${plural(totals[i], "event")}`);
    chart.append(group);
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + barW / 2, y: height - 10, class: "tick", "text-anchor": "middle" }, label(period, bucket)));
    }
  });
  const note = range.outside
    ? el("p", { class: "muted small" }, `${plural(range.outside, "event")} ${range.outside === 1 ? "lies" : "lie"} outside the drawn range (all dated events span ${label(range.from, bucket)} to ${label(range.to, bucket)}); filter by date to see them.`)
    : null;
  return el("figure", { class: "chart-box" }, chart, legend(), note, notDrawn(timeline));
}

export function label(period, bucket) {
  if (bucket === "year") return period.slice(0, 4);
  if (bucket === "month") return period.slice(0, 7);
  return bucket === "week" ? `wk ${period}` : period;
}

// The last day of the period that starts on `period` (ISO date).
export function periodEnd(period, bucket) {
  const d = new Date(`${period}T00:00:00Z`);
  if (bucket === "year") return `${period.slice(0, 4)}-12-31`;
  if (bucket === "month") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  if (bucket === "week") d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

// Every period from first to last (ISO dates), so that gaps in time show as gaps.
function fillPeriods(first, last, bucket) {
  const out = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end && out.length < 5000) {
    out.push(d.toISOString().slice(0, 10));
    if (bucket === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
    else if (bucket === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (bucket === "week" ? 7 : 1));
  }
  return out;
}

export function legend() {
  return el("figcaption", { class: "legend" },
    Object.entries(QUADS).map(([q, { name, color }]) =>
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: `background:${color}` }), name)));
}

// -- the network ---------------------------------------------------------------------------------------

// Forces of the layout, in the units of the picture (about 1000 x 640).
const CHARGE = -420;
const LINK_DISTANCE = 90;
const CENTER_PULL = 0.07;
const TICKS = 400;
// Label boxes: an average character of the 12 px label font, and the line height.
const CHAR_WIDTH = 6.8;
const LINE_HEIGHT = 15;
// The most a layout is enlarged to fill the picture (a few nodes stay close together).
const MAX_SCALE = 1.6;

function nodeRadius(node, maxNode) {
  return 6 + 14 * Math.sqrt(node.events / maxNode);
}

// d3-force with many-body repulsion, springs along the edges, a pull to the middle and no overlapping
// circles; the result is the same for the same graph (d3's randomness is seeded).
function layout(nodes, edges, maxNode) {
  const d3 = globalThis.d3;
  const points = nodes.map((n) => ({ key: n.key, r: nodeRadius(n, maxNode) }));
  const links = edges.filter((e) => e.source !== e.target).map((e) => ({ source: e.source, target: e.target }));
  const simulation = d3.forceSimulation(points)
    .force("link", d3.forceLink(links).id((p) => p.key).distance(LINK_DISTANCE))
    .force("charge", d3.forceManyBody().strength(CHARGE))
    .force("x", d3.forceX(0).strength(CENTER_PULL))
    .force("y", d3.forceY(0).strength(CENTER_PULL * 1.6))  // the picture is wider than tall
    .force("collide", d3.forceCollide((p) => p.r + 10))
    .stop();
  simulation.tick(TICKS);
  return points;
}

function labelBox(x, y, r, text, side) {
  const w = text.length * CHAR_WIDTH;
  if (side === "right") return { x: x + r + 3, y: y - LINE_HEIGHT / 2, w, h: LINE_HEIGHT, anchor: "start" };
  if (side === "left") return { x: x - r - 3 - w, y: y - LINE_HEIGHT / 2, w, h: LINE_HEIGHT, anchor: "end" };
  if (side === "above") return { x: x - w / 2, y: y - r - 2 - LINE_HEIGHT, w, h: LINE_HEIGHT, anchor: "middle" };
  return { x: x - w / 2, y: y + r + 2, w, h: LINE_HEIGHT, anchor: "middle" };
}

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// Labels placed busiest node first, beside, left of, above or below it, wherever they cover no other
// label and no circle; a label that fits nowhere is shown when its node is hovered or focused.
function placeLabels(points, names, width, height) {
  const inside = (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height;
  const circles = points.map((p) => ({ x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r }));
  const placed = [];
  const order = points.map((_, i) => i).sort((a, b) => points[b].r - points[a].r);
  const result = new Array(points.length).fill(null);
  for (const i of order) {
    const p = points[i];
    for (const side of ["right", "left", "above", "below"]) {
      const box = labelBox(p.x, p.y, p.r, names[i], side);
      const blocked = !inside(box) || placed.some((b) => overlaps(box, b)) || circles.some((c, j) => j !== i && overlaps(box, c));
      if (!blocked) { placed.push(box); result[i] = box; break; }
    }
  }
  return result;
}

// Scale and centre the layout into the picture so that nothing is cut off: positions scale, but circles
// and labels keep their size, and a label may go on either side of its node.
function fit(points, names, width, height) {
  const margin = 8;
  const reach = points.map((p, i) => ({ x: p.r + 3 + names[i].length * CHAR_WIDTH, y: p.r + 2 + LINE_HEIGHT }));
  const extent = (scale, axis) => {
    let [low, high] = [Infinity, -Infinity];
    points.forEach((p, i) => { low = Math.min(low, scale * p[axis] - reach[i][axis]); high = Math.max(high, scale * p[axis] + reach[i][axis]); });
    return [low, high];
  };
  const fits = (scale) => {
    const [x0, x1] = extent(scale, "x"), [y0, y1] = extent(scale, "y");
    return x1 - x0 <= width - 2 * margin && y1 - y0 <= height - 2 * margin;
  };
  let [lo, hi] = [0, MAX_SCALE];
  if (fits(hi)) lo = hi;
  for (let step = 0; step < 30 && lo < hi; step++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid; else hi = mid;
  }
  const [x0, x1] = extent(lo, "x"), [y0, y1] = extent(lo, "y");
  const ox = margin - x0 + (width - 2 * margin - (x1 - x0)) / 2;
  const oy = margin - y0 + (height - 2 * margin - (y1 - y0)) / 2;
  for (const p of points) { p.x = ox + lo * p.x; p.y = oy + lo * p.y; }
}

export function edgeColor(edge) {
  if (edge.conflict > edge.cooperation) return "#b2182b";
  if (edge.cooperation > edge.conflict) return "#2166ac";
  return "#888";
}

export function networkChart({ nodes, edges }, { width = 1000, height = 640, onPick = null } = {}) {
  if (!nodes.length) return el("p", { class: "empty" }, "No events between two known actors match these filters.");
  const maxEdge = Math.max(...edges.map((e) => e.events), 1);
  const maxNode = Math.max(...nodes.map((n) => n.events), 1);
  const names = nodes.map((n) => n.name || n.key);
  const points = layout(nodes, edges, maxNode);
  fit(points, names, width, height);
  const labels = placeLabels(points, names, width, height);
  const at = new Map(nodes.map((n, i) => [n.key, points[i]]));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart network", role: "img",
    "aria-label": `Actor network: ${plural(nodes.length, "actor")}, ${plural(edges.length, "link")}` });
  const defs = svg("defs");
  for (const [id, color] of [["coop", "#2166ac"], ["conf", "#b2182b"], ["mixed", "#888"]]) {
    defs.append(svg("marker", { id: `arrow-${id}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: color })));
  }
  chart.append(defs);
  for (const edge of edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    if (!a || !b) continue;
    const color = edgeColor(edge);
    const marker = color === "#2166ac" ? "coop" : color === "#b2182b" ? "conf" : "mixed";
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    chart.append(svg("line", { x1: a.x, y1: a.y, x2: b.x - (dx / d) * (b.r + 2), y2: b.y - (dy / d) * (b.r + 2),
      stroke: color, "stroke-width": 1 + 7 * Math.sqrt(edge.events / maxEdge), "stroke-opacity": 0.7,
      "marker-end": `url(#arrow-${marker})`, class: "edge" },
      svg("title", {}, `${edge.source} → ${edge.target}: ${plural(edge.events, "event")} (${edge.cooperation} cooperation, ${edge.conflict} conflict)`)));
  }
  nodes.forEach((node, i) => {
    const p = points[i];
    const box = labels[i] || labelBox(p.x, p.y, p.r, names[i], "right");
    const textX = box.anchor === "start" ? box.x : box.anchor === "end" ? box.x + box.w : box.x + box.w / 2;
    const group = svg("g", { class: `node${labels[i] ? "" : " label-on-hover"}` },
      svg("circle", { cx: p.x, cy: p.y, r: p.r }),
      svg("text", { x: textX, y: box.y + LINE_HEIGHT - 4, class: "node-label", "text-anchor": box.anchor }, names[i]),
      svg("title", {}, `${names[i]} (${node.country || "?"}): ${plural(node.events, "event")}`));
    if (onPick) clickable(group, () => onPick(node), `${names[i]}: ${plural(node.events, "event")}`);
    chart.append(group);
  });
  const hidden = labels.filter((b) => !b).length;
  return el("figure", { class: "chart-box" }, chart,
    el("figcaption", { class: "legend" },
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: "background:#2166ac" }), "mostly cooperation"),
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: "background:#b2182b" }), "mostly conflict"),
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: "background:#888" }), "mixed"),
      el("span", { class: "legend-item" }, "line width = number of events; arrow points to the recipient"),
      hidden ? el("span", { class: "legend-item" }, `${plural(hidden, "name")} shown on hover, where there was no room`) : null));
}
