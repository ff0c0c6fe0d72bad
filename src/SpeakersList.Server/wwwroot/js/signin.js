// Sign-in for officers (name and password) and delegations (access code), with a session cookie.
import { signIn, me } from "./api.js";
import { safeReturnUrl } from "./return-url.js";
import { $ } from "./page.js";
import { setupLanguage, t, refusalText } from "./i18n.js";
const params = new URLSearchParams(location.search);
const returnUrl = params.get("returnUrl");
// Only an address on this site: never send a freshly signed-in user elsewhere (return-url.js).
const safeReturn = safeReturnUrl(returnUrl);
// In the language of the page that sent the reader here (its ?lang=), else ?lang=, else the browser's.
await setupLanguage({ followBrowser: true,
  asked: params.get("lang") ?? (safeReturn ? new URL(safeReturn, location.origin).searchParams.get("lang") : null) });

function choose(role) {
  for (const r of ["delegation", "officer"]) {
    const selected = r === role;
    $(`tab-${r}`).setAttribute("aria-selected", String(selected));
    $(`tab-${r}`).tabIndex = selected ? 0 : -1;
    $(`${r}-form`).hidden = !selected;
  }
}
for (const role of ["delegation", "officer"]) {
  $(`tab-${role}`).addEventListener("click", () => { choose(role); $(`${role}-form`).querySelector("input").focus(); });
  $(`tab-${role}`).addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowLeft" && ev.key !== "ArrowRight") return;
    const other = role === "delegation" ? "officer" : "delegation";
    choose(other);
    $(`tab-${other}`).focus();
  });
}
choose(params.get("role") === "officer" || safeReturn?.startsWith("/officer") ? "officer" : "delegation");

async function submit(ev, role, credentials) {
  ev.preventDefault();
  const button = ev.currentTarget.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const user = await signIn(role, credentials);
    location.assign(safeReturn ?? (user.role === "officer" ? "/officer" : "/delegation"));
  } catch (error) {
    $("message").dataset.kind = "error";
    $("message").textContent = error.status === 401 ? t("signin.invalid") : refusalText(error);
    button.disabled = false;
  }
}
$("delegation-form").addEventListener("submit", (ev) => submit(ev, "delegation", { code: $("access-code").value.trim() }));
$("officer-form").addEventListener("submit", (ev) => submit(ev, "officer", { name: $("officer-name").value.trim(), password: $("officer-password").value }));

// Signed in already, but sent here: the page asked for another role.
me().then((user) => {
  if (!user.authenticated) return;
  $("message").dataset.kind = "conflict";
  $("message").textContent = `${t("signin.signedInAs", { name: (user.name ?? "").replace(/^\w+:/, "") })} ` +
    t(safeReturn ? "signin.otherRole" : "signin.again");
});
