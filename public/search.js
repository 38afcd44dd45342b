// Search page: Pagefind JS API, filters, results grouped by document and deep-linked to the clause.
(function () {
  var form = document.querySelector('[data-search-form]');
  if (!form) return;
  var input = form.querySelector('input[name="q"]');
  var selects = form.querySelectorAll('select[data-filter]');
  var status = document.querySelector('[data-search-status]');
  var out = document.querySelector('[data-search-results]');
  var pagefind = null;
  var seq = 0;
  // Element anchors (clauses, points, paragraphs, articles) — not headings of page chrome.
  var ELEMENT_ID = /^(qd-)?dieu-[0-9a-z]+(-(khoan|doan)-[0-9a-z]+(-diem-[a-z]+)?)?$|^can-cu-\d+$/;

  function load() {
    if (!pagefind) {
      pagefind = import('/pagefind/pagefind.js').then(function (pf) {
        return pf.options({ excerptLength: 24 }).then(function () { pf.init(); return pf; });
      });
    }
    return pagefind;
  }

  function filters() {
    var f = {};
    selects.forEach(function (s) { if (s.value) f[s.dataset.filter] = s.value; });
    return f;
  }

  // The clause a match sits in: the element (clause, point, article heading) whose span holds the
  // most matched words — the hidden folded copy sits inside its element, so folded queries count too.
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }

  function deepLink(data, query) {
    // A query answered by the article heading ("dieu 5", "truong ban") lands on the article itself.
    var title = ' ' + fold((data.meta && data.meta.title) || '').replace(/[^a-z0-9]+/g, ' ') + ' ';
    var terms = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
    if (terms.length && terms.every(function (t) { return title.indexOf(' ' + t + ' ') >= 0; })) return data.url;
    var anchors = (data.anchors || []).filter(function (a) { return ELEMENT_ID.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    var locations = data.locations || [];
    var best = null;
    var bestCount = 0;
    anchors.forEach(function (a, i) {
      var end = i + 1 < anchors.length ? anchors[i + 1].location : Infinity;
      var count = locations.filter(function (l) { return l >= a.location && l < end; }).length;
      if (count > bestCount) { best = a; bestCount = count; }
    });
    return best ? data.url.replace(/#.*$/, '') + '#' + best.id : data.url;
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  // Pagefind excerpts mark hits with <mark>; rebuild them as DOM nodes (never as HTML).
  function excerpt(text) {
    var p = el('p');
    var parts = String(text).split(/<mark>|<\/mark>/);
    parts.forEach(function (part, i) {
      var plain = part.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      p.append(i % 2 ? el('mark', {}, [plain]) : plain);
    });
    return p;
  }

  function render(query, items) {
    out.textContent = '';
    if (!items.length) { status.textContent = 'Không tìm thấy kết quả cho «' + query + '».'; return; }
    status.textContent = items.length + ' điều khớp với «' + query + '».';
    var groups = [];
    var byDoc = {};
    items.forEach(function (d) {
      var doc = (d.meta && d.meta['văn bản']) || '';
      if (!byDoc[doc]) { byDoc[doc] = { doc: doc, hits: [] }; groups.push(byDoc[doc]); }
      byDoc[doc].hits.push(d);
    });
    var list = el('ol', { 'data-search-list': '' });
    groups.forEach(function (g) {
      var hits = el('ol');
      g.hits.forEach(function (d) {
        hits.append(el('li', { class: 'search-hit' }, [el('a', { href: deepLink(d, query) }, [d.meta.title || d.url]), excerpt(d.excerpt)]));
      });
      list.append(el('li', { class: 'search-doc' }, [el('h2', {}, [g.doc]), hits]));
    });
    out.append(list);
  }

  function run() {
    var query = input.value.trim();
    var mine = ++seq;
    var url = new URL(location.href);
    url.searchParams.set('q', query);
    selects.forEach(function (s) { if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name); });
    history.replaceState(null, '', url);
    if (!query) { out.textContent = ''; status.textContent = ''; return; }
    status.textContent = 'Đang tìm…';
    load().then(function (pf) {
      return pf.search(query, { filters: filters() });
    }).then(function (search) {
      if (mine !== seq) return null;
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); }));
    }).then(function (items) {
      if (items && mine === seq) render(query, items);
    }).catch(function () {
      status.textContent = 'Không tải được chỉ mục tìm kiếm (chỉ có sau khi xây dựng trang: npm run build).';
    });
  }

  var timer = null;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  selects.forEach(function (s) { s.addEventListener('change', run); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  var params = new URLSearchParams(location.search);
  if (params.get('q')) input.value = params.get('q');
  selects.forEach(function (s) { if (params.get(s.name)) s.value = params.get(s.name); });
  if (input.value) run();
})();
