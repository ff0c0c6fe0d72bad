// The live connection to /hubs/live: subscriptions that survive reconnects, and a guard
// that ignores a push older than what the page already shows.

/**
 * @param {(state: "connecting"|"live"|"reconnecting"|"offline") => void} onStatus
 */
export function connectLive(onStatus = () => {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
    .build();
  const subscriptions = new Set();

  async function resubscribeAll() {
    for (const s of subscriptions) await s.snapshot();
  }

  connection.onreconnecting(() => onStatus("reconnecting"));
  // A reconnected page takes fresh snapshots: pushes sent while it was away are lost.
  connection.onreconnected(async () => { await resubscribeAll(); onStatus("live"); });
  connection.onclose(() => { onStatus("offline"); setTimeout(start, 2000); });

  let started = null;
  async function start() {
    onStatus("connecting");
    try {
      await connection.start();
      await resubscribeAll();
      onStatus("live");
    } catch {
      onStatus("offline");
      setTimeout(start, 2000);
    }
  }

  return {
    connection,
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
