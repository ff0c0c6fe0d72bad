// The live connection to /hubs/live: subscriptions that survive reconnects, and a guard
// that ignores a push older than what the page already shows.
import { retryDelay, waitOrOnline, connectionLight } from "./live-connection.js";

/**
 * @param {(state: "connecting"|"live"|"reconnecting"|"offline") => void} onStatus
 */
export function connectLive(onStatus = () => {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    // For ever, with back-off and jitter (never null: a screen never gives up).
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount) })
    .build();
  const subscriptions = new Set();
  const light = connectionLight(onStatus);
  const reconnectedHandlers = [];

  async function resubscribeAll() {
    for (const s of subscriptions) await s.snapshot();
    for (const handler of reconnectedHandlers) handler();
  }

  connection.onreconnecting(() => light.hub("reconnecting"));
  // A reconnected page takes fresh snapshots: pushes sent while it was away are lost.
  connection.onreconnected(async () => { await resubscribeAll(); light.hub("live"); });
  connection.onclose(() => { light.hub("offline"); restart(); });

  let attempt = 0;
  async function restart() {
    await waitOrOnline(retryDelay(attempt++));
    start();
  }

  // Back online: a WebSocket that went quiet may be dead without knowing it yet. A fresh snapshot proves it alive
  // (and replaces what the page shows); no answer within 3 s, and the connection is started afresh.
  window.addEventListener("online", async () => {
    if (connection.state !== signalR.HubConnectionState.Connected) return;
    const alive = await Promise.race([resubscribeAll().then(() => true, () => false), new Promise((r) => setTimeout(() => r(false), 3000))]);
    if (alive) light.hub("live"); else connection.stop();
  });

  let started = null;
  async function start() {
    light.hub("connecting");
    try {
      await connection.start();
      attempt = 0;
      await resubscribeAll();
      light.hub("live");
    } catch {
      light.hub("offline");
      restart();
    }
  }

  return {
    connection,
    light,
    /** Called after every fresh set of snapshots (start, reconnection, back online). */
    onResubscribed(handler) { reconnectedHandlers.push(handler); },
    start() { started ??= start(); return started; },
    /**
     * Subscribe with a hub method that answers a versioned snapshot, and listen to its pushes.
     * render(view) is called only for views at least as new as the last one shown.
     */
    subscribe({ method, args = [], event, matches = () => true, render, onError = () => {} }) {
      let version = -1;
      const show = (view) => {
        if (view == null || (typeof view.version === "number" && view.version < version)) return;
        version = typeof view.version === "number" ? view.version : version;
        render(view);
      };
      const handler = (view) => { if (matches(view)) show(view); };
      connection.on(event, handler);
      const subscription = {
        async snapshot() {
          if (connection.state !== signalR.HubConnectionState.Connected) return;
          try {
            version = -1; // a snapshot is authoritative, even after a reset of the data
            show(await connection.invoke(method, ...args));
          } catch (error) {
            onError(error);
          }
        },
        /** Show a view fetched over HTTP (after a refused command), with the same guard. */
        show,
        forget() { version = -1; },
        async stop(unsubscribeMethod) {
          connection.off(event, handler);
          subscriptions.delete(subscription);
          if (unsubscribeMethod && connection.state === signalR.HubConnectionState.Connected) {
            try { await connection.invoke(unsubscribeMethod, ...args); } catch { /* already gone */ }
          }
        },
      };
      subscriptions.add(subscription);
      subscription.snapshot();
      return subscription;
    },
  };
}
