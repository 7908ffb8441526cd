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
