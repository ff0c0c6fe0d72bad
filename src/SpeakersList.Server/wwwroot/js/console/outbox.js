// The officer's outbox: every command the console sends is first written here (localStorage, so a reload keeps it),
// with its commandId and the version the officer decided it on, then sent in the order given. When the server cannot be
// reached the commands wait ("Offline since 10:41:20: 3 actions waiting") and go out, one after another, as soon as it
// answers again; the commandId makes a resend of a command whose answer was lost harmless. A command the server then
// refuses (409, 422) waits for the officer: drop it, or decide it again on the current list. Nothing after it is sent
// meanwhile, since the officer decided those on the state it would have made.
import { send, remove } from "../api.js";
import { retryDelay, waitOrOnline, reachable } from "../live-connection.js";

const storageKey = "speakerslist.console.outbox";

/** No answer from the service (offline, or a proxy with no node behind it, or the database away): keep and retry. */
const unanswered = (error) => error?.status === 0 || error?.status === 502 || error?.status === 503 || error?.status === 504;

/**
 * @typedef {{ commandId: string, meetingId: string, method: string, url: string, body: object, what: string, where: string,
 *   action?: string, version?: number, after?: string|null, askedAt: string, state: "waiting"|"refused", reason?: string, stale?: boolean }} Entry
 */
/** @type {Entry[]} */
let entries = load();
/** The version each sent command's answer reported, by commandId: the next command decided after it is sent with it. */
let answeredVersions = loadAnswered();
/** Sent from the outbox, shown as done for a while. */
let done = [];
let offlineSince = entries.some((e) => e.state === "waiting") ? new Date(entries[0].askedAt) : null;
const listeners = { answered: [], changed: [] };
/** How to read the version a command is decided on now, for "decide again": set by the console. */
let currentVersion = () => undefined;

function load() {
  // Kept from before a reload: nobody waits for their first answer any more, a refusal is the officer's to decide.
  try { return (JSON.parse(localStorage.getItem(storageKey) ?? "{}").entries ?? []).map((e) => ({ ...e, queued: true })); } catch { return []; }
}
function loadAnswered() {
  try { return JSON.parse(localStorage.getItem(storageKey) ?? "{}").answered ?? {}; } catch { return {}; }
}
function save() {
  // Answers still needed: those a waiting command was decided after.
  const needed = new Set(entries.map((e) => e.after).filter(Boolean));
  answeredVersions = Object.fromEntries(Object.entries(answeredVersions).filter(([id]) => needed.has(id)));
  localStorage.setItem(storageKey, JSON.stringify({ entries, answered: answeredVersions }));
  for (const listener of listeners.changed) listener();
}

/** The commands waiting or refused, in order; and those just sent. */
export const waiting = () => entries.slice();
export const recentlyDone = () => done.slice();
export const since = () => offlineSince;

/** Called with (answer, entry) for every command the server accepted. */
export const onAnswered = (listener) => listeners.answered.push(listener);
/** Called whenever the outbox changes. */
export const onChanged = (listener) => listeners.changed.push(listener);
/** How the console reads the version a command would be decided on now, for a command decided again. */
export const readCurrentVersion = (read) => { currentVersion = read; };

/** The last floor action the officer asked for on a meeting that has not reached the server yet. */
export function askedFloor(meetingId) {
  return entries.filter((e) => e.meetingId === meetingId && e.where === "floor").at(-1)?.action ?? null;
}

/** Those given in this page's life wait for their first answer here: commandId -> { resolve, reject }. */
const firstAnswers = new Map();

/**
 * A command, as the officer gives it. Answers { answer } when the server took it at once, { queued: true } when it waits
 * in the outbox; throws the refusal (ApiError) when the server refused it at once, as a direct send would.
 */
export function submit({ meetingId, method = "POST", url, body = {}, version, what, where = "", action }) {
  const commandId = crypto.randomUUID();
  // A command decided while earlier ones wait was decided on the state they will make: it goes with their answer's version.
  const before = entries.filter((e) => e.meetingId === meetingId).at(-1);
  /** @type {Entry} */
  const entry = { commandId, meetingId, method, url, body: { ...body, commandId }, what, where, action, version,
    after: before?.commandId ?? null, askedAt: new Date().toISOString(), state: "waiting", queued: false };
  if (version != null) entry.body.expectedVersion = version;
  entries.push(entry);
  const answer = new Promise((resolve, reject) => firstAnswers.set(commandId, { resolve, reject }));
  if (offlineSince || entries.some((e) => e.state === "refused")) queued(entry);
  save();
  replay();
  return answer;
}

/** The command waits: its first answer is "queued", and a later refusal is the officer's to decide. */
function queued(entry) {
  entry.queued = true;
  firstAnswers.get(entry.commandId)?.resolve({ queued: true });
  firstAnswers.delete(entry.commandId);
}

function accepted(entry, answer) {
  entries = entries.filter((e) => e.commandId !== entry.commandId);
  if (typeof answer?.version === "number") answeredVersions[entry.commandId] = answer.version;
  if (entry.queued) done = [...done, { ...entry, doneAt: Date.now() }].slice(-10);
  save();
  firstAnswers.get(entry.commandId)?.resolve({ answer });
  firstAnswers.delete(entry.commandId);
  for (const listener of listeners.answered) listener(answer, entry);
}

let retrying = false;
async function retryLater() {
  if (retrying) return;
  retrying = true;
  for (let attempt = 0; entries[0]?.state === "waiting"; attempt++) {
    await waitOrOnline(retryDelay(attempt));
    if (await replay() !== "unanswered") break;
  }
  retrying = false;
}

/**
 * A command with no answer after answerWaitMs is shown as waiting in the outbox (a dropped link can leave a request
 * hanging rather than failing); after sendTimeoutMs it is abandoned and sent again (its commandId makes that harmless).
 */
const answerWaitMs = 2500;
const sendTimeoutMs = 10_000;

/** A DELETE (a withdrawal) carries its command id and expected version in the query; the others in the body. */
const deliver = (entry) => {
  const signal = AbortSignal.timeout(sendTimeoutMs);
  return entry.method === "DELETE"
    ? remove(entry.url, entry.body.expectedVersion, entry.body.commandId, { signal })
    : send(entry.method, entry.url, entry.body, { signal });
};

let replaying = null;
/** Sends the waiting commands in order until one is refused or goes unanswered. Answers why it stopped. */
export function replay() {
  replaying ??= (async () => {
    try {
      for (;;) {
        const entry = entries[0];
        if (!entry) { offlineSince = null; save(); return "empty"; }
        if (entry.state === "refused") return "refused";
        const after = entry.after ? answeredVersions[entry.after] : undefined;
        if (after != null && entry.version != null) entry.body.expectedVersion = after;
        const slow = setTimeout(() => { if (!entry.queued) { queued(entry); save(); } }, answerWaitMs);
        try {
          accepted(entry, await deliver(entry));
        } catch (error) {
          if (unanswered(error)) {
            offlineSince ??= new Date();
            for (const e of entries) if (!e.queued) queued(e);
            save();
            retryLater();
            return "unanswered";
          }
          if (!entry.queued) {
            // Refused at once, the officer watching: said where the officer acted, as any refusal.
            entries = entries.filter((e) => e !== entry);
            save();
            firstAnswers.get(entry.commandId)?.reject(error);
            firstAnswers.delete(entry.commandId);
            continue;
          }
          entry.state = "refused";
          entry.reason = error.message;
          entry.stale = Boolean(error.isStale);
          for (const e of entries) if (!e.queued) queued(e);
          save();
          return "refused";
        } finally {
          clearTimeout(slow);
        }
      }
    } finally {
      replaying = null;
    }
  })();
  return replaying;
}

/** The officer drops a refused (or waiting) command: it is never sent. Those decided after it keep their own version. */
export function drop(commandId) {
  const entry = entries.find((e) => e.commandId === commandId);
  if (!entry) return;
  for (const e of entries) if (e.after === commandId) e.after = entry.after;
  entries = entries.filter((e) => e !== entry);
  save();
  replay();
}

/** The officer decides a refused command again, on the list as it is now: a new command, sent at once. */
export function decideAgain(commandId) {
  const entry = entries.find((e) => e.commandId === commandId);
  if (!entry) return;
  const fresh = crypto.randomUUID();
  for (const e of entries) if (e.after === commandId) e.after = fresh;
  entry.commandId = fresh;
  entry.body = { ...entry.body, commandId: fresh };
  entry.after = null;
  entry.version = currentVersion(entry);
  if (entry.version != null) entry.body.expectedVersion = entry.version; else delete entry.body.expectedVersion;
  entry.state = "waiting";
  delete entry.reason;
  save();
  replay();
}

// Left by a reload: on their way as soon as the page runs.
if (entries.length) setTimeout(replay, 0);

// The service answered something else: try the outbox now rather than at the next back-off.
window.addEventListener(reachable, () => { if (entries[0]?.state === "waiting" && !replaying) replay(); });
