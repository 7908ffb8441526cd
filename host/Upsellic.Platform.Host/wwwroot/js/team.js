// Team page: preview the chat badge (copying and confirming are in site.js).
(() => {
  const badge = document.getElementById('profile-preview');
  const profile = document.getElementById('profile-form');
  if (badge && profile) {
    profile.addEventListener('input', (event) => {
      const target = event.target;
      // textContent and a colour input's value (always #rrggbb): nothing typed is parsed as HTML or CSS.
      if (target.dataset.profile === 'initials') badge.textContent = target.value.toUpperCase();
      if (target.dataset.profile === 'colour') badge.style.backgroundColor = target.value;
    });
  }
})();

// Presence, live: the page asks the API every few seconds. It holds no Live Chat connection of its own, so looking at
// the team never makes anyone count as online.
(() => {
  const rows = document.querySelectorAll('tr[data-user-id]');
  if (rows.length === 0) return;
  const classes = { Online: 'badge badge-green', Away: 'badge badge-amber', Offline: 'badge team-offline' };
  const refresh = async () => {
    try {
      const response = await fetch('/api/live-chat/presence', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const status = new Map((await response.json()).map((person) => [person.userId, person.status]));
      rows.forEach((row) => {
        const badge = row.querySelector('[data-testid=presence]');
        const now = status.get(row.dataset.userId) ?? 'Offline';
        if (!badge || badge.textContent === now) return;
        badge.textContent = now;
        badge.className = classes[now] ?? classes.Offline;
      });
    } catch {
      // A moment without the network: the next tick tries again.
    }
  };
  void refresh();
  setInterval(refresh, 5000);
})();
