// Pictures: an events timeline (stacked bars by quad class) and an actor network (force layout).
import { QUADS, clickable, el, quadName, svg } from "./dom.js";

// rows: [{period, quad, events}] -> stacked bars, one per period.
// The share of events a timeline may leave out at each end, so that a few events dated decades
// away (history mentioned in the news) do not squeeze the rest into one corner.
const TAIL_SHARE = 0.005;

function coreRange(rows) {
  const perPeriod = new Map();
  for (const r of rows) perPeriod.set(r.period, (perPeriod.get(r.period) || 0) + r.events);
  const periods = [...perPeriod.keys()].sort();
  const total = [...perPeriod.values()].reduce((a, b) => a + b, 0);
  let [first, last, seen] = [0, periods.length - 1, 0];
  while (first < last && seen + perPeriod.get(periods[first]) <= total * TAIL_SHARE) seen += perPeriod.get(periods[first++]);
  seen = 0;
  while (last > first && seen + perPeriod.get(periods[last]) <= total * TAIL_SHARE) seen += perPeriod.get(periods[last--]);
  const outside = rows.filter((r) => r.period < periods[first] || r.period > periods[last]).reduce((a, r) => a + r.events, 0);
  return { first: periods[first], last: periods[last], outside, from: periods[0], to: periods[periods.length - 1] };
}

export function timelineChart(rows, { width = 900, height = 180, onPick = null, bucket = "month" } = {}) {
  if (!rows.length) return el("p", { class: "empty" }, "No dated events to draw.");
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
    "aria-label": `Events over time, ${periods.length} periods, coloured by quad class` });
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
        svg("title", {}, `${period}: ${n} ${quadName(quad)}`)));
    }
    if (onPick) {
      clickable(group, () => onPick(period), `${period}: ${totals[i]} events`);
    }
    chart.append(group);
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + barW / 2, y: height - 10, class: "tick", "text-anchor": "middle" }, label(period, bucket)));
    }
  });
  const note = range.outside
    ? el("p", { class: "muted small" }, `${range.outside} events lie outside the drawn range (all events span ${label(range.from, bucket)} to ${label(range.to, bucket)}); filter by date to see them.`)
    : null;
  return el("figure", { class: "chart-box" }, chart, legend(), note);
}

function label(period, bucket) {
  return bucket === "year" ? period.slice(0, 4) : bucket === "month" ? period.slice(0, 7) : period;
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

// A small force layout in free space (charge between all nodes, springs along edges, a weak pull to
// the centre), cooled over a fixed number of steps, then scaled to fit the picture.
const STEPS = 300;
const CHARGE = -320;
const LINK_DISTANCE = 70;
const GRAVITY = 0.06;

function layout(nodes, edges, width, height) {
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const pos = nodes.map((_, i) => {
    const r = 12 * Math.sqrt(0.5 + i), a = i * Math.PI * (3 - Math.sqrt(5));
    return { x: r * Math.cos(a), y: r * Math.sin(a), vx: 0, vy: 0 };
  });
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const degree = new Array(nodes.length).fill(0);
  for (const [a, b] of links) { degree[a]++; degree[b]++; }
  const decay = 1 - Math.pow(0.001, 1 / STEPS);
  let alpha = 1;
  for (let step = 0; step < STEPS; step++) {
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        let dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y;
        if (!dx && !dy) { dx = 0.01 * (j - i); dy = 0.01; }
        const l2 = Math.max(dx * dx + dy * dy, 1);
        const w = (CHARGE * alpha) / l2;
        pos[i].vx += dx * w; pos[i].vy += dy * w;
        pos[j].vx -= dx * w; pos[j].vy -= dy * w;
      }
    }
    for (const [a, b] of links) {
      const s = pos[a], t = pos[b];
      const dx = t.x + t.vx - s.x - s.vx, dy = t.y + t.vy - s.y - s.vy;
      const l = Math.sqrt(dx * dx + dy * dy) || 1;
      const k = ((l - LINK_DISTANCE) / l) * alpha / Math.min(degree[a], degree[b]);
      const bias = degree[a] / (degree[a] + degree[b]);
      t.vx -= dx * k * bias; t.vy -= dy * k * bias;
      s.vx += dx * k * (1 - bias); s.vy += dy * k * (1 - bias);
    }
    for (const p of pos) {
      p.vx -= p.x * GRAVITY * alpha; p.vy -= p.y * GRAVITY * alpha;
      p.vx *= 0.6; p.vy *= 0.6;
      p.x += p.vx; p.y += p.vy;
    }
    alpha -= alpha * decay;
  }
  return fit(pos, width, height);
}

// Scale and centre positions into the picture, leaving room for labels on the right.
function fit(pos, width, height) {
  const margin = { left: 30, right: 150, top: 24, bottom: 24 };
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = width - margin.left - margin.right, h = height - margin.top - margin.bottom;
  const scale = Math.min(w / Math.max(x1 - x0, 1), h / Math.max(y1 - y0, 1), 3);
  const ox = margin.left + (w - (x1 - x0) * scale) / 2, oy = margin.top + (h - (y1 - y0) * scale) / 2;
  return pos.map((p) => ({ x: ox + (p.x - x0) * scale, y: oy + (p.y - y0) * scale }));
}

export function edgeColor(edge) {
  if (edge.conflict > edge.cooperation) return "#b2182b";
  if (edge.cooperation > edge.conflict) return "#2166ac";
  return "#888";
}

export function networkChart({ nodes, edges }, { width = 1000, height = 640, onPick = null } = {}) {
  if (!nodes.length) return el("p", { class: "empty" }, "No events between two known actors match.");
  const pos = layout(nodes, edges, width, height);
  const at = new Map(nodes.map((n, i) => [n.key, pos[i]]));
  const maxEdge = Math.max(...edges.map((e) => e.events), 1);
  const maxNode = Math.max(...nodes.map((n) => n.events), 1);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart network", role: "img",
    "aria-label": `Actor network: ${nodes.length} actors, ${edges.length} links` });
  const defs = svg("defs");
  for (const [id, color] of [["coop", "#2166ac"], ["conf", "#b2182b"], ["mixed", "#888"]]) {
    defs.append(svg("marker", { id: `arrow-${id}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: color })));
  }
  chart.append(defs);
  for (const edge of edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    const color = edgeColor(edge);
    const marker = color === "#2166ac" ? "coop" : color === "#b2182b" ? "conf" : "mixed";
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const rb = 6 + 14 * Math.sqrt(nodes.find((n) => n.key === edge.target).events / maxNode);
    chart.append(svg("line", { x1: a.x, y1: a.y, x2: b.x - (dx / d) * (rb + 2), y2: b.y - (dy / d) * (rb + 2),
      stroke: color, "stroke-width": 1 + 7 * Math.sqrt(edge.events / maxEdge), "stroke-opacity": 0.75,
      "marker-end": `url(#arrow-${marker})`, class: "edge" },
      svg("title", {}, `${edge.source} → ${edge.target}: ${edge.events} events (${edge.cooperation} cooperation, ${edge.conflict} conflict)`)));
  }
  nodes.forEach((node, i) => {
    const r = 6 + 14 * Math.sqrt(node.events / maxNode);
    const group = svg("g", { class: "node", transform: `translate(${pos[i].x},${pos[i].y})` },
      svg("circle", { r }),
      svg("text", { x: r + 3, y: 4, class: "node-label" }, node.name || node.key),
      svg("title", {}, `${node.name} (${node.country || "?"}): ${node.events} events`));
    if (onPick) clickable(group, () => onPick(node), `${node.name}: ${node.events} events`);
    chart.append(group);
  });
  return el("figure", { class: "chart-box" }, chart,
    el("figcaption", { class: "legend" },
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: "background:#2166ac" }), "mostly cooperation"),
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: "background:#b2182b" }), "mostly conflict"),
      el("span", { class: "legend-item" }, el("span", { class: "swatch", style: "background:#888" }), "mixed"),
      el("span", { class: "legend-item" }, "line width = number of events; arrow points to the recipient")));
}
