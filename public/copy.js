// Copy buttons for clause links and Vietnamese citations (the only script on reading pages besides the frame).
// Citation = element label (data-cite) + the part's data-cite-suffix, built at build time by src/lib/cite.ts.
(function () {
  var elements = document.querySelectorAll('[data-cite]');
  if (!elements.length) return;

  // The buttons are made here, once per element, rather than written into the HTML for every clause and
  // point: they are useless without JavaScript, and hundreds of copies weighed on long pages. Where they go:
  // an article's tool row, a clause's or point's own first line.
  function tools(label) {
    var span = document.createElement('span');
    span.className = 'tools';
    span.setAttribute('data-pagefind-ignore', '');
    [['link', 'Liên kết', ' đến '], ['cite', 'Trích dẫn', ' ']].forEach(function (b) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.dataset.copy = b[0];
      button.textContent = b[1];
      var sr = document.createElement('span');
      sr.className = 'sr-only';
      sr.textContent = b[2] + label;
      button.appendChild(sr);
      span.appendChild(button);
    });
    return span;
  }
  function place(el) {
    var host = el.querySelector(el.classList.contains('dieu') ? ':scope > .dieu-tools' : ':scope > .khoan-line');
    if (host) host.appendChild(tools(el.dataset.cite));
  }
  // Placed in slices of a few milliseconds when the page is idle, not in one task at load: on a long page
  // on a slow phone, one task for every clause held up the first taps and scrolls.
  var next = 0;
  var later = window.requestIdleCallback
    ? function (f) { window.requestIdleCallback(f, { timeout: 1000 }); }
    : function (f) { setTimeout(f, 16); };
  function slice() {
    var until = Date.now() + 8;
    while (next < elements.length && Date.now() < until) place(elements[next++]);
    if (next < elements.length) later(slice);
  }
  later(slice);

  var status = document.createElement('p');
  status.className = 'sr-only copy-status';
  status.setAttribute('role', 'status');
  document.body.appendChild(status);

  function textFor(button) {
    var el = button.closest('[data-cite]');
    if (!el) return '';
    if (button.dataset.copy === 'link') {
      // Always the canonical address on the document page, whatever page the button is on.
      if (el.dataset.href) return location.origin + el.dataset.href;
      var target = el.id ? el : el.querySelector('[id]');
      return location.origin + location.pathname + (target ? '#' + target.id : '');
    }
    var part = button.closest('[data-cite-suffix]');
    return el.dataset.cite + (part ? ' ' + part.dataset.citeSuffix : '');
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    // (Deprecated, and only the fallback for browsers without the asynchronous clipboard or outside a secure context.)
    try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
  }

  function copy(button) {
    var text = textFor(button);
    button.dataset.copied = text;
    var done = function () {
      status.textContent = button.dataset.copy === 'link' ? 'Đã sao chép liên kết' : 'Đã sao chép trích dẫn: ' + text;
      button.classList.add('done');
      setTimeout(function () { button.classList.remove('done'); }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  // One class and one delegated listener (not one per button): a long document has hundreds.
  document.documentElement.classList.add('can-copy');
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
    if (button) copy(button);
  });
})();
