// Sets the colour theme on <html> before the first paint, so that a dark page never flashes
// light. A file of its own because the Content-Security-Policy allows no inline script.
// The app (src/app/theme.ts) reads the same choice and keeps the theme up to date afterwards.
(function () {
  var choice = 'system';
  try {
    var stored = window.localStorage.getItem('sd.theme');
    if (stored === 'light' || stored === 'dark') choice = stored;
  } catch {
    // Storage unavailable: follow the system.
  }
  var dark = choice === 'dark' || (choice === 'system' && !!window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
