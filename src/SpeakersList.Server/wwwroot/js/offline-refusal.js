// The portal refuses, clearly, what a delegation does while offline: nothing is queued on the phone. A place on a list is
// decided by the time the server receives the inscription (README, "Riding out the network"), so a queued inscription
// would promise a place the delegation does not have yet, and could land hours later on a list closed meanwhile.

const sentences = {
  inscription: "You are offline: your inscription was not sent. Inscribe again when the connection returns; your place is decided when the server receives it.",
  swap: "You are offline: your swap proposal was not sent. Propose it again when the connection returns.",
  reply: "You are offline: your request for a right of reply was not sent. Ask again when the connection returns.",
};

/** The sentence for something not sent because the server could not be reached; null for any other refusal. */
export function notSentOffline(error, what) {
  return error?.status === 0 ? sentences[what] ?? "You are offline: nothing was sent. Try again when the connection returns." : null;
}
