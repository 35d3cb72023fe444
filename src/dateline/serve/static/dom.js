// Small DOM helpers. Data from the store is untrusted: it only ever becomes text
// (textContent / createTextNode) or attribute values, never markup.

const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "style") {
      node.style.cssText = String(value); // CSSOM, allowed by the CSP (a style attribute would not be)
    } else if (key === "text") {
      node.textContent = String(value);
    } else {
      node.setAttribute(key, String(value));
    }
  }
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Replace the children of a node (null/false children are skipped, strings become text).
export function fill(node, ...children) {
  return append(clear(node), children);
}

// An http(s) link to an outside page, or plain text when the URL is anything else.
export function outsideLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
  }
  return el("span", {}, label || url || "");
}

// Activate a non-button element from the keyboard too (Enter or Space).
export function clickable(node, handler, label) {
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  if (label) node.setAttribute("aria-label", label);
  node.addEventListener("click", handler);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      handler(event);
    }
  });
  return node;
}

// The requests of the view shown. Showing another view aborts them: an answer that comes after the reader
// has left its view (a slow search, a busy machine) must never draw over the view shown now.
let viewRequests = new AbortController();

// Start a new view: abort the requests of the one before; the signal says when this one is left in turn.
export function newView() {
  viewRequests.abort();
  viewRequests = new AbortController();
  return viewRequests.signal;
}

// The signal of the view shown now: it aborts once the reader leaves that view.
export function viewSignal() {
  return viewRequests.signal;
}

// GET a JSON answer; it belongs to the view shown when it is asked (`signal`), and rejects with an AbortError
// once that view is left, even when the answer itself has already come. A refusal rejects with an Error
// whose `status` is the HTTP status (422: the server refused a parameter).
export async function api(path, params = {}, signal = viewSignal()) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  const body = await response.json().catch(() => ({}));
  signal.throwIfAborted();
  if (!response.ok) {
    const error = new Error(body.error || body.detail || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

export const QUADS = {
  1: { name: "verbal cooperation", color: "#6baed6" },
  2: { name: "material cooperation", color: "#2166ac" },
  3: { name: "verbal conflict", color: "#f4a05a" },
  4: { name: "material conflict", color: "#b2182b" },
};

export function quadName(quad) {
  return QUADS[quad] ? QUADS[quad].name : "unclassified";
}

export function quadBadge(quad, label) {
  return el("span", { class: `badge quad-${quad || 0}`, title: quadName(quad) }, label || quadName(quad));
}

// "1 event", "2 events", "1,204 articles".
export function plural(n, word, many = `${word}s`) {
  const count = Number(n || 0);
  return `${count.toLocaleString("en")} ${count === 1 ? word : many}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// An event's own date as a reader says it, at its own precision: "7 Jul 2017", "week of 3 Jul 2017",
// "Jul 2017", "2016". Events whose text gives no date say so; the publication date never stands in.
export function eventDate(e) {
  if (!e.date_start) return e.date_value ? `${e.date_value} (not a calendar date)` : "undated";
  const [y, m, d] = e.date_start.split("-").map(Number);
  const day = `${d} ${MONTHS[m - 1]} ${y}`;
  switch (e.date_precision) {
    case "day": return day;
    case "week": return `week of ${day}`;
    case "month": return `${MONTHS[m - 1]} ${y}`;
    case "year": return String(y);
    default: return e.date_value;
  }
}

// Items per page of every list view.
export const PAGE = 20;

// The address of a view with its parameters (empty ones left out): `#/events?type=ACCUSE`.
export function address(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  return `#/${path}${query.toString() ? `?${query}` : ""}`;
}

export function go(path, params = {}) {
  location.hash = address(path, params);
}

// "N things found" with paging, or, when nothing matched, an empty state that says what to do; a page past
// the last (an address typed or kept from a larger store) says so and leads to the first.
export function pager(total, params, path, noun, nouns = `${noun}s`) {
  const offset = Number(params.offset || 0);
  if (!total) {
    const filtered = Object.keys(params).some((k) => k !== "offset" && params[k]);
    return el("div", { class: "empty-state", role: "status" },
      el("p", {}, `No ${nouns} ${filtered ? "match these filters" : "in this store yet"}.`),
      filtered ? el("p", {}, el("a", { href: `#/${path}` }, `Show all ${nouns}`)) : null);
  }
  if (offset >= total) {
    return el("div", { class: "empty-state", role: "status" },
      el("p", {}, `${plural(total, noun, nouns)} found, none from number ${(offset + 1).toLocaleString("en")} on.`),
      el("p", {}, el("a", { href: address(path, { ...params, offset: null }) }, "Go to the first page")));
  }
  const range = total > PAGE || offset > 0 ? `, ${offset + 1}–${Math.min(offset + PAGE, total)} shown` : "";
  const nav = el("nav", { class: "pager", "aria-label": "pages" }, `${plural(total, noun, nouns)} found${range}`);
  if (offset > 0) nav.append(el("button", { type: "button", onclick: () => go(path, { ...params, offset: Math.max(0, offset - PAGE) }) }, "← previous"));
  if (offset + PAGE < total) nav.append(el("button", { type: "button", onclick: () => go(path, { ...params, offset: offset + PAGE }) }, "next →"));
  return nav;
}
