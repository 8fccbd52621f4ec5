// The portal listens to the element's events, e.g. to log which problems people look up.
document.addEventListener('conndiag:result', (event) => {
  const top = event.detail.matches[0];
  document.getElementById('last-result').textContent = top ? `Last diagnosis: ${top.id} (${top.app_name})` : 'No known error matched.';
});
document.addEventListener('conndiag:error', (event) => {
  document.getElementById('last-result').textContent = `The diagnoser could not start: ${event.detail.message}`;
});
