/** A plain page at / so that a person opening the server in a browser finds their way (the web desk replaces it). */
export const HOME_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>athar</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b;background:#fbfaf7}
h1{font-size:1.6rem;margin-bottom:.2rem} .ar{font-size:1.3rem;color:#6b5b3e} code{background:#eee;padding:.1rem .3rem;border-radius:3px}
a{color:#0b5394} li{margin:.3rem 0} .muted{color:#666;font-size:.9rem}
</style></head><body>
<h1>athar <span class="ar" lang="ar">أثر</span></h1>
<p>Verification desk and registry of detained and missing persons. This server is running.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI 3 at <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li>Sign in: <code>POST /api/auth/login</code> with <code>{"username","password"}</code>; the first start printed the administrator's one-time password.</li>
<li>From this machine, the command line needs no sign-in: <code>npx athar case list</code>, <code>npx athar timeline --case sednaya-2024</code>.</li>
<li>Health: <a href="/healthz">/healthz</a>, readiness: <a href="/readyz">/readyz</a></li>
</ul>
<p class="muted">The demo case <code>sednaya-2024</code> is built from one news article and marked as demo data.</p>
</body></html>`;
