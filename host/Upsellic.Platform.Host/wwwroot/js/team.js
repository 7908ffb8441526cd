// Team page: copy the invitation link, confirm removals and revocations, preview the chat badge.
(() => {
  document.querySelectorAll('[data-copy]').forEach((button) => {
    button.addEventListener('click', async () => {
      const text = document.querySelector(button.dataset.copy).textContent;
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Select and copy';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
  });
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
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
