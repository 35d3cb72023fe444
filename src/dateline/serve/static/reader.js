// The article reader: the text with its annotations highlighted, and a panel with the coded record.
import { clear, clickable, el, outsideLink, quadBadge, quadName } from "./dom.js";

const KINDS = ["trigger", "quote", "actor", "place", "time"];
const KIND_LABEL = { trigger: "event", quote: "quote", actor: "actor", place: "place", time: "date" };

// Every annotation as {kind, start, end, record}.
function annotations(article) {
  const marks = [];
  for (const event of article.events) marks.push({ kind: "trigger", start: event.trigger.start, end: event.trigger.end, record: event });
  for (const quote of article.quotes) marks.push({ kind: "quote", start: quote.start, end: quote.end, record: quote });
  for (const actor of article.actors) {
    for (const m of actor.mentions) marks.push({ kind: "actor", start: m.start, end: m.end, record: actor });
  }
  for (const place of article.places) marks.push({ kind: "place", start: place.start, end: place.end, record: place });
  for (const time of article.times) marks.push({ kind: "time", start: time.start, end: time.end, record: time });
  return marks.filter((m) => m.end > m.start);
}

// Cut the text at every annotation boundary and at the ends of every event's evidence (so that an
// evidence sentence can be highlighted exactly); each piece knows the annotations covering it.
function segments(text, marks, extra) {
  const cuts = new Set([0, text.length]);
  for (const m of [...marks, ...extra]) { cuts.add(Math.max(0, m.start)); cuts.add(Math.min(text.length, m.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    pieces.push({ start, end, marks: covering });
  }
  return pieces;
}

export function renderReader(root, article, { onActor, selectEvent }) {
  const panel = el("aside", { class: "panel", "aria-live": "polite", id: "record-panel" });
  const textBox = el("div", { class: "article-text", id: "article-text" });
  const pieces = segments(article.text, annotations(article), article.events.map((e) => e.evidence));
  const nodes = [];
  for (const piece of pieces) {
    const content = article.text.slice(piece.start, piece.end);
    if (!piece.marks.length) {
      // Plain text is a span too, so that an evidence sentence is highlighted whole, not only its marked words.
      const plain = el("span", { "data-start": piece.start, "data-end": piece.end }, content);
      nodes.push(plain);
      textBox.append(plain);
      continue;
    }
    const kinds = new Set(piece.marks.map((m) => m.kind));
    const classes = KINDS.filter((k) => kinds.has(k)).map((k) => `hl hl-${k}`).join(" ");
    const main = KINDS.map((k) => piece.marks.find((m) => m.kind === k)).find(Boolean);
    const span = el("span", { class: classes, "data-start": piece.start, "data-end": piece.end }, content);
    const trig = piece.marks.find((m) => m.kind === "trigger");
    if (trig) span.classList.add(`quad-${trig.record.quad || 0}`);
    clickable(span, () => show(main), `${KIND_LABEL[main.kind]}: ${content}`);
    nodes.push(span);
    textBox.append(span);
  }

  function markRange(start, end, cls) {
    for (const node of textBox.querySelectorAll(`.${cls}`)) node.classList.remove(cls);
    for (const node of nodes) {
      const s = Number(node.dataset.start), e = Number(node.dataset.end);
      if (s >= start && e <= end) node.classList.add(cls);
    }
  }

  function show(mark) {
    clear(panel);
    const { kind, record } = mark;
    panel.append(el("h3", {}, `${KIND_LABEL[kind]}`));
    if (kind === "trigger") showEvent(record);
    else if (kind === "quote") showQuote(record);
    else if (kind === "actor") showActor(record);
    else if (kind === "place") fields([["name", record.name], ["country", record.country], ["lat, lon", record.lat == null ? null : `${record.lat}, ${record.lon}`], ["in (lat, lon are this town's)", record.within], ["GeoNames id", record.geonames_id], ["text", record.text]]);
    else fields([["text", record.text], ["value", record.value], ["type", record.type]]);
    panel.append(el("details", {}, el("summary", {}, "coded record (JSON)"), el("pre", {}, JSON.stringify(record, null, 2))));
    markRange(mark.start, mark.end, "selected");
    if (kind !== "trigger") markRange(-1, -1, "evidence");
  }

  function fields(rows) {
    const dl = el("dl", { class: "fields" });
    for (const [name, value] of rows) {
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
      dl.append(el("dt", {}, name), el("dd", {}, value));
    }
    panel.append(dl);
  }

  function actorList(ids) {
    return ids.flatMap((id, i) => (i ? [", ", actorLink(id)] : [actorLink(id)]));
  }

  function actorLink(id) {
    const actor = article.actors.find((a) => a.id === id);
    if (!actor) return el("span", {}, id);
    return el("button", { class: "link", type: "button", onclick: () => onActor(actor) }, actor.name);
  }

  function showEvent(event) {
    panel.append(el("p", {}, quadBadge(event.quad, event.type), " ", el("span", { class: "muted" }, quadName(event.quad))));
    fields([
      ["status", event.status], ["mode", event.mode], ["actors", actorList(event.actors)],
      ["recipients", actorList(event.recipients)], ["date", event.date ? `${event.date.value || "?"} (“${event.date.text || ""}”)` : null],
      ["place", event.place ? `${event.place.name}${event.place.within ? ` (in ${event.place.within})` : ""}${event.place.country ? `, ${event.place.country}` : ""}` : null],
      ["intensity", event.intensity], ["confidence", event.confidence], ["contexts", (event.contexts || []).join(", ")],
    ]);
    const ev = event.evidence;
    const t = event.trigger;
    const quote = el("blockquote", { class: "evidence", id: "evidence-sentence" });
    if (t.start >= ev.start && t.end <= ev.end) {
      quote.append(ev.text.slice(0, t.start - ev.start), el("strong", {}, t.text), ev.text.slice(t.end - ev.start));
    } else {
      quote.append(ev.text);
    }
    panel.append(el("h4", {}, "evidence"), quote, el("p", { class: "muted small" }, `characters ${ev.start}–${ev.end} of the text`));
    markRange(ev.start, ev.end, "evidence");
    const first = nodes.find((n) => n.classList.contains("evidence"));
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function showQuote(quote) {
    const speaker = article.actors.find((a) => a.id === quote.speaker);
    fields([
      ["speaker", speaker ? el("button", { class: "link", type: "button", onclick: () => onActor(speaker) }, speaker.name) : quote.speaker_text || "unattributed"],
      ["as written", quote.speaker_text], ["cue", quote.cue], ["kind", [quote.direct ? "direct" : "reported", quote.kind, quote.negated ? "negated" : null].filter(Boolean).join(" · ")],
    ]);
    panel.append(el("blockquote", { class: "evidence" }, quote.text));
  }

  function showActor(actor) {
    fields([["name", actor.name], ["kind", actor.kind], ["country", actor.country], ["sector", actor.sector], ["title", actor.title], ["mentions", actor.mentions.length], ["Wikidata", actor.wikidata]]);
    panel.append(el("button", { type: "button", onclick: () => onActor(actor) }, "Actor page →"));
  }

  function overview() {
    clear(panel);
    panel.append(el("h3", {}, "In this article"),
      el("p", { class: "muted small" }, "Select a highlight (click, or Tab then Enter) to see its coded record and evidence."));
    const list = el("ol", { class: "event-list" });
    for (const event of article.events) {
      list.append(el("li", {}, clickable(el("span", { class: "pick" }, quadBadge(event.quad, event.type), " ", event.trigger.text),
        () => show({ kind: "trigger", start: event.trigger.start, end: event.trigger.end, record: event }), `event ${event.type}: ${event.trigger.text}`)));
    }
    panel.append(el("h4", {}, `Events (${article.events.length})`), list);
    panel.append(el("h4", {}, `Actors (${article.actors.length})`),
      el("p", { class: "chips" }, article.actors.map((a) => el("button", { type: "button", class: "chip", onclick: () => onActor(a) }, a.name))));
    panel.append(el("p", { class: "muted" }, `${article.quotes.length} quotes · ${article.times.length} dates · ${article.places.length} places`));
  }

  const header = el("header", { class: "article-head" },
    el("h2", {}, article.title || "(untitled)"),
    el("p", { class: "muted" }, [article.published, article.site, (article.authors || []).join(", ")].filter(Boolean).join(" · "), " ",
      article.url ? outsideLink(article.url, "source") : null));
  const key = el("p", { class: "key" }, KINDS.map((k) => el("span", { class: `hl hl-${k} key-item` }, KIND_LABEL[k])));
  clear(root).append(header, key, el("div", { class: "reader" }, el("article", {}, textBox), panel));
  overview();
  const wanted = article.events.find((e) => e.id === selectEvent);
  if (wanted) show({ kind: "trigger", start: wanted.trigger.start, end: wanted.trigger.end, record: wanted });
}
