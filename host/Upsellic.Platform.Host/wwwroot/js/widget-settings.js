// Widget settings page: live preview of name, greeting, colour and position (the copy button is in site.js).
(() => {
  const preview = document.getElementById('preview');
  const form = document.getElementById('widget-form');
  if (preview && form) {
    form.addEventListener('input', (event) => {
      const target = event.target;
      switch (target.dataset.preview) {
        case 'color': preview.style.setProperty('--brand', target.value); break;
        case 'position': preview.dataset.position = target.value; break;
        case 'name':
        case 'greeting':
          // textContent: whatever the merchant types is shown as text, never parsed as HTML.
          preview.querySelector(`[data-preview-text="${target.dataset.preview}"]`).textContent = target.value;
          break;
      }
    });
  }
})();
