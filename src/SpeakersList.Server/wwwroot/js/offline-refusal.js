// The portal refuses, clearly, what a delegation does while offline: nothing is queued on the phone. A place on a list is
// decided by the time the server receives the inscription (README, "Riding out the network"), so a queued inscription
// would promise a place the delegation does not have yet, and could land hours later on a list closed meanwhile.
import { t } from "./i18n.js";

/** The sentence for something not sent because the server could not be reached; null for any other refusal. */
export function notSentOffline(error, what) {
  if (error?.status !== 0) return null;
  return t(["inscription", "swap", "reply"].includes(what) ? `offline.${what}` : "offline.other");
}
