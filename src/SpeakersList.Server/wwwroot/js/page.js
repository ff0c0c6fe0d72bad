// What every page's module shares: the element finder, a message where the reader acted, and the
// connection light of the top bar. One place, so that a change to the light reaches every page.
import { t } from "./i18n.js";

export const $ = (id) => document.getElementById(id);

/** A message next to where the reader acted: the box "<where>-message", or the page's own "message". */
export function say(text, kind = "ok", where = "") {
  const box = $(where ? `${where}-message` : "message") ?? $("message");
  if (!box) return;
  box.dataset.kind = kind;
  box.textContent = text;
}

/** The connection light: the live connection's state, in the page's words; data-state for the styles and the tests. */
export function showConnection(state) {
  const light = $("connection");
  if (!light) return;
  light.textContent = t(`connection.${state}`);
  light.dataset.state = state;
  document.body.dataset.connection = state;
}
