// Where a freshly signed-in user may be sent: only a path on this site, never another origin.
// Returns the path (with its query and fragment) or null.
export function safeReturnUrl(value, origin = globalThis.location?.origin) {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048 || !origin) return null;
  // Browsers drop tabs and newlines from URLs and read "\" as "/": "/\t/evil" and "/\evil" would leave the site.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  // Encoded the same way ("/%5Cevil", "/%2F/evil", "%09"): refused too, whoever decodes it next.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.startsWith("//")) return null;
  let url;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  // Dot segments can fold into "//host" ("/.//evil"): what is returned must itself stay on the site.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") || path.includes("\\") ? null : path;
}
