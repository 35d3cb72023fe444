// The API reference, drawn from /openapi.json (offline; no third-party viewer).
import { api, clear, el } from "./dom.js";

function schemaText(schema) {
  if (!schema) return "";
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.anyOf) return schema.anyOf.map(schemaText).filter((s) => s && s !== "null").join(" | ");
  const limits = [];
  if (schema.maxLength !== undefined) limits.push(`≤ ${schema.maxLength} chars`);
  if (schema.minimum !== undefined) limits.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) limits.push(`≤ ${schema.maximum}`);
  return [schema.format || schema.type, ...limits].filter(Boolean).join(", ");
}

const spec = await api("/openapi.json");
const box = clear(document.getElementById("endpoints"));
for (const [path, methods] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(methods)) {
    const params = (op.parameters || []).map((p) => el("tr", {},
      el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, schemaText(p.schema)),
      el("td", {}, p.schema && p.schema.default !== undefined ? String(p.schema.default) : "")));
    box.append(el("section", { class: "chart-box" },
      el("h3", {}, el("code", {}, `${method.toUpperCase()} ${path}`)),
      el("p", {}, op.summary || ""),
      params.length ? el("table", {}, el("thead", {}, el("tr", {}, ["parameter", "in", "type", "default"].map((h) => el("th", {}, h)))), el("tbody", {}, params)) : null,
      path.includes("{") ? null : el("p", {}, el("a", { href: path }, "try it"))));
  }
}
