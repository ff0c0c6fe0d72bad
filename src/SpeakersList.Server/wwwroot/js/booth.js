// The interpreters' booths of a room (/booth/room/{room}): who speaks now and next, in which language (and the
// delegation's interpretation to take relay from, rule 53), how (video, remote), the clock, the statement texts
// under embargo, and the booth's messages to the chair. Follows the room's pushes and reads GET /api/booths/{room}.
import { connectLive } from "./live.js";
import { ServerClock, remainingSeconds, countdownState, countdownText } from "./countdown.js";
import { h } from "./format.js";
import { get, send, me, signIn } from "./api.js";
import { $, showConnection } from "./page.js";
import { setupLanguage, nameOf, language } from "./i18n.js";
import { modeLabel } from "./statement-mode.js";
import words from "../i18n/booth.json" with { type: "json" };

const t = (key) => words[key]?.[language] ?? words[key]?.en ?? key;
const room = decodeURIComponent(location.pathname.split("/")[3] ?? "");
const clock = new ServerClock();
const official = ["ar", "zh", "en", "fr", "ru", "es"];
let view = null;
let asked = 0;

const languageName = (tag) => {
  try { return new Intl.DisplayNames([language], { type: "language" }).of(tag) ?? tag; } catch { return tag; }
};

/** "DE" with the language's name; with the delegation's interpretation (rule 53), the language the booths take relay from. */
function languageLine(s) {
  const tag = s.language ?? "en";
  const notOfficial = !official.includes(tag.split("-")[0]);
  return h("p", { className: "languages" },
    h("span", { className: `language${notOfficial ? " not-official" : ""}`, lang: tag, title: languageName(tag) }, `${tag.toUpperCase()} · ${languageName(tag)}`),
    s.interpretationInto ? h("span", { className: "relay" }, `${t("relay")} ${s.interpretationInto.toUpperCase()} · ${languageName(s.interpretationInto)}`) : "",
    s.mode && s.mode !== "inPerson" ? h("span", { className: "mode" }, modeLabel(s.mode, language)) : "");
}

function who(s) {
  const speaker = [s.speakerTitle, s.speakerName].filter(Boolean).join(" ");
  const introduced = s.mode === "video" && s.introducedBy ? ` · ${t("introducedBy")} ${s.introducedBy}` : "";
  const minutes = `${Math.floor(s.allottedSeconds / 60)}:${String(s.allottedSeconds % 60).padStart(2, "0")}`;
  return `${speaker}${introduced} · ${minutes}`;
}

function render(v) {
  view = v;
  clock.sync(v.serverTime);
  $("meeting-title").textContent = v.meetingTitle ?? t("noMeeting");
  $("room-name").textContent = v.room;
  const current = $("current");
  current.dataset.empty = v.current ? "false" : "true";
  current.replaceChildren(...(v.current
    ? [h("p", { className: "name" }, nameOf(v.current.participant, v.current.participantName)), h("p", { className: "who" }, who(v.current)), languageLine(v.current)]
    : [h("p", { className: "name" }, t("nobody"))]));
  $("next").replaceChildren(...v.next.map((s) => h("li", { dataset: { inscription: s.inscriptionId } },
    h("p", { className: "name" }, nameOf(s.participant, s.participantName)),
    h("p", { className: "meta" }, who(s)),
    languageLine(s),
    h("p", { className: "meta" }, s.statementAvailable ? `${t("text")} ✓` : t("noText")))));
  showText($("current-text"), v.current);
  showText($("next-text"), v.next.find((s) => s.statementAvailable));
  tick();
}

/** The statement's text, read before the embargo lifts: plain text shown, a PDF or Word file linked. */
async function showText(box, speaker) {
  if (!speaker?.statementAvailable || !view?.meetingId) { box.hidden = true; box.replaceChildren(); return; }
  const url = `/api/meetings/${view.meetingId}/inscriptions/${speaker.inscriptionId}/statement`;
  const heading = h("h3", {}, `${t("text")} · ${nameOf(speaker.participant, speaker.participantName)} · ${t("checkAgainstDelivery")}`);
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) { box.hidden = true; return; }
    const type = response.headers.get("content-type") ?? "";
    box.replaceChildren(heading, type.startsWith("text/plain")
      ? h("div", { lang: speaker.language }, await response.text())
      : h("a", { href: url, target: "_blank", rel: "noopener" }, t("text")));
    box.hidden = false;
  } catch {
    box.hidden = true;
  }
}

function tick() {
  const remaining = remainingSeconds(view?.floor, clock.now());
  const countdown = $("countdown");
  countdown.dataset.state = countdownState(remaining, 60);
  countdown.textContent = countdownText(remaining);
}

/** The booth view after any change in the room; an older answer than the one shown is ignored. */
async function refresh() {
  const mine = ++asked;
  const v = await get(`/api/booths/${encodeURIComponent(room)}`);
  if (mine === asked) render(v);
}

async function start() {
  document.body.dataset.ready = "true";
  $("booth").hidden = false;
  $("sign-in").hidden = true;
  // The messages go over HTTP: the buttons work from the moment they show, not once the live view has arrived.
  for (const button of document.querySelectorAll("[data-kind]")) {
    button.addEventListener("click", async () => {
      $("sent").textContent = "";
      try {
        await send("POST", `/api/booths/${encodeURIComponent(room)}/messages`, { kind: button.dataset.kind });
        $("sent").textContent = `${t("sent")}: ${t(button.dataset.kind)}`;
      } catch (error) {
        $("sent").textContent = error.message;
      }
    });
  }
  const live = connectLive(showConnection);
  await live.start();
  live.subscribe({
    method: "SubscribeToRoom", args: [room], event: "roomChanged",
    matches: (v) => v.room?.toUpperCase() === room.toUpperCase(),
    render: () => refresh(),
    onError: () => refresh(),
  });
  await refresh();
  setInterval(tick, 250);
}

await setupLanguage();
for (const el of document.querySelectorAll("[data-booth]")) el.textContent = t(el.dataset.booth);
const user = await me();
if (user.authenticated && (user.role === "officer" || (user.role === "booth" && user.room?.toUpperCase() === room.toUpperCase()))) {
  await start();
} else {
  const form = $("sign-in");
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const signedIn = await signIn("booth", { code: $("booth-code").value.trim() });
      if (signedIn.room?.toUpperCase() !== room.toUpperCase()) throw new Error(`${signedIn.room}`);
      await start();
    } catch (error) {
      $("sign-in-error").textContent = error.message;
    }
  });
}
