// The console's messages: kept per meeting and per place ("floor", "list", ...), stacked newest first, each
// dismissable, so that switching meetings shows that meeting's own and no refusal hides the one before it.
import { $ } from "../page.js";

const kept = new Map(); // meetingId -> Map(where -> [{ id, text, kind }])
const newestFirstAtMost = 5;
let serial = 0;
let current = () => null;

/** The console tells how to know the meeting on screen. */
export function messagesFollow(meetingOnScreen) { current = meetingOnScreen; }

const boxOf = (where) => $(where ? `${where}-message` : "message") ?? $("message");
const placesOf = (meeting) => kept.get(meeting ?? "") ?? kept.set(meeting ?? "", new Map()).get(meeting ?? "");

/** Adds a message where the officer acted, on the meeting on screen; an empty text shows nothing new. */
export function keep(text, kind, where) {
  if (!text) return;
  const places = placesOf(current());
  const key = boxOf(where)?.id ?? "message";
  const list = [{ id: ++serial, text, kind }, ...(places.get(key) ?? [])].slice(0, newestFirstAtMost);
  places.set(key, list);
  draw(key);
}

function draw(key) {
  const box = $(key);
  if (!box) return;
  const list = placesOf(current()).get(key) ?? [];
  box.classList.add("stacked");
  if (list[0]) box.dataset.kind = list[0].kind; else delete box.dataset.kind;
  box.replaceChildren(...list.map((m) => {
    const note = document.createElement("span");
    note.className = "note";
    note.dataset.kind = m.kind;
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "dismiss";
    dismiss.setAttribute("aria-label", "Dismiss this message");
    dismiss.title = "Dismiss";
    dismiss.addEventListener("click", () => {
      placesOf(current()).set(key, (placesOf(current()).get(key) ?? []).filter((x) => x.id !== m.id));
      draw(key);
    });
    note.append(document.createTextNode(m.text), dismiss);
    return note;
  }));
}

/** Shows every place's messages of the meeting now on screen (after switching meetings). */
export function showMessages() {
  for (const box of document.querySelectorAll(".message[id$='message'], #message")) draw(box.id);
}
