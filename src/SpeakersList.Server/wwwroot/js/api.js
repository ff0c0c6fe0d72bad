// Every HTTP call of the pages goes through this module: command ids, the CSRF header,
// problem details turned into sentences, and the way to the sign-in page on a 401.
import { reportRequest } from "./live-connection.js";

/** A refused or failed request, with the server's explanation in words. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
    this.currentVersion = problem?.currentVersion ?? null;
  }

  /** Another officer changed the list first: the version we acted on is stale. */
  get isStale() {
    return this.status === 409 && (this.currentVersion !== null || /stale-version/.test(this.problem.type ?? ""));
  }
}

// The antiforgery token of the signed-in session (GET /api/auth/antiforgery), sent with every write.
let antiforgery = null;

async function antiforgeryToken(fresh = false) {
  if (fresh) antiforgery = null;
  antiforgery ??= fetch("/api/auth/antiforgery", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  return antiforgery;
}

const isAntiforgeryRefusal = (status, problem) => status === 403 && /antiforgery/i.test(problem?.detail ?? "");

/** Where a page sends someone who must sign in first. */
export function signInUrl() {
  return `/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

async function request(method, url, body, retried = false, signal = undefined) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && !url.startsWith("/api/auth/")) {
    const token = await antiforgeryToken();
    if (token?.token) headers[token.headerName || "X-CSRF-TOKEN"] = token.token;
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin", signal });
  } catch {
    reportRequest(false);
    throw new ApiError(0, { detail: "The server cannot be reached. Check the network and try again." });
  }
  // A proxy with no node behind it answers, but the service does not.
  reportRequest(response.status !== 502 && response.status !== 504);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 401 && !url.startsWith("/api/auth/")) {
    location.assign(signInUrl());
    throw new ApiError(401, { detail: "Please sign in." });
  }
  // A token from before a new sign-in: take a fresh one and try once more (the command id makes it safe).
  if (isAntiforgeryRefusal(response.status, json) && !retried) {
    await antiforgeryToken(true);
    return request(method, url, body, true, signal);
  }
  if (response.status === 403) throw new ApiError(403, json ?? { detail: "You are not allowed to do this." });
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** A read. */
export const get = (url) => request("GET", url);

/** A command: the body gets a fresh commandId, so a retried request takes effect once. */
export function send(method, url, body = {}, { signal } = {}) {
  return request(method, url, { commandId: crypto.randomUUID(), ...body }, false, signal);
}

/** A DELETE whose command id and expected version travel in the query. */
export function remove(url, expectedVersion, commandId = crypto.randomUUID(), { signal } = {}) {
  const query = new URLSearchParams({ commandId });
  if (expectedVersion != null) query.set("expectedVersion", String(expectedVersion));
  return request("DELETE", `${url}?${query}`, undefined, false, signal);
}

/** Who is signed in: {authenticated, name, role, delegation, room}; unauthenticated when the server cannot say. */
export async function me() {
  try {
    return (await request("GET", "/api/auth/me")) ?? { authenticated: false };
  } catch {
    return { authenticated: false };
  }
}

/** The page is for these roles: anyone else goes to the sign-in page first. Answers the signed-in user. */
export async function requireRole(...roles) {
  const user = await me();
  if (!user.authenticated || !roles.includes(user.role)) {
    location.assign(signInUrl());
    return new Promise(() => {}); // the page is leaving
  }
  return user;
}

export async function signOut() {
  await request("POST", "/api/auth/sign-out", {});
  location.assign("/signin");
}

/** Signs in with a session cookie; answers the signed-in user. */
export async function signIn(role, credentials) {
  await request("POST", `/api/auth/${role}/sign-in?useCookies=true`, credentials);
  antiforgery = null;
  return me();
}
