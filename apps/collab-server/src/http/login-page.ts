/** Escapes text for HTML (the `next` path and messages are echoed into the page). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The instance gate's login form: plain HTML, no script (the CSP forbids inline ones anyway). */
export function loginPage(next: string, error?: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Squall — sign in</title>
<style>body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0}
form{display:grid;gap:.75rem;min-width:18rem}input,button{font:inherit;padding:.5rem}.error{color:#b00020}</style>
</head>
<body>
<form method="post" action="/login">
<h1>Squall</h1>
<label for="secret">Access secret</label>
<input id="secret" name="secret" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(next)}">
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>
</body>
</html>
`;
}
