// Hosting the page in a sandboxed iframe: trust is per origin, both ways.
const frame = document.getElementById('diagnoser');
frame.src = new URL(`../index.html?embed=1&parent=${encodeURIComponent(location.origin)}`, location.href).href;

window.addEventListener('message', (event) => {
  // A sandboxed frame has an opaque origin ("null"): check the source window instead.
  if (event.source !== frame.contentWindow) return;
  const msg = event.data || {};
  if (msg.type === 'ready') {
    document.getElementById('last-result').textContent = `Diagnoser ready (knowledge base ${msg.info.version}).`;
    frame.contentWindow.postMessage({ type: 'classify', id: 1, text: 'HttpRequestFailure: Server returned: 404 Not Found', app: 'exchange' }, '*');
  } else if (msg.type === 'height') {
    frame.style.height = `${msg.height}px`;
  } else if (msg.type === 'result') {
    const top = msg.result.matches[0];
    document.getElementById('last-result').textContent = top ? `Last diagnosis: ${top.id}` : 'No known error matched.';
  } else if (msg.type === 'link' && /^https:\/\//.test(msg.url)) {
    // Sent when the sandbox kept a link from opening (a portal that frames without allow-popups).
    window.open(msg.url, '_blank', 'noopener');
  } else if (msg.type === 'error') {
    document.getElementById('last-result').textContent = `Diagnoser error: ${msg.message}`;
  }
});
