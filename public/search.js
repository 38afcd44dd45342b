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
  var ELEMENT_ID = /^(qd-)?dieu-[0-9a-z]+(-(khoan|doan)-[0-9a-z]+(-diem-[a-z0-9]+)?)?$|^can-cu-\d+$/;

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
  // A word as compared: lower-case, punctuation stripped; folded or exact (NFC, diacritics kept).
  function bare(w) { return w.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''); }
  function folded(w) { return fold(bare(w)); }

  // Word index where the query occurs as a phrase in the page text (Pagefind locations count words
  // of `content` split on whitespace, so the index maps onto the anchors), or -1.
  function phraseAt(words, terms, norm) {
    if (!terms.length) return -1;
    for (var i = 0; i + terms.length <= words.length; i++) {
      var ok = true;
      for (var k = 0; k < terms.length && ok; k++) {
        var w = norm(words[i + k]);
        // The last term may be a prefix (typing in progress).
        ok = k === terms.length - 1 ? w.indexOf(terms[k]) === 0 : w === terms[k];
      }
      if (ok) return i;
    }
    return -1;
  }

  // Rank tier and landing word of a result: 0 = the query as typed (diacritics included) occurs as a
  // phrase, 1 = its folded form does, 2 = the words occur apart. Exact-diacritic matches come first.
  function analyse(data, query) {
    var words = String(data.content || '').split(/\s+/).filter(Boolean);
    var raw = query.split(/\s+/).map(bare).filter(Boolean);
    var exact = phraseAt(words, raw, bare);
    var loose = exact >= 0 ? exact : phraseAt(words, raw.map(fold), folded);
    // An article whose heading starts with the phrase ("Điều 3. Trưởng ban") is about it: first in its tier.
    var heading = loose === 2 && folded(words[0] || '') === 'dieu' ? 0 : 1;
    return { tier: exact >= 0 ? 0 : loose >= 0 ? 1 : 2, heading: heading, at: loose };
  }

  // The clause a match sits in: the last element anchor at or before the phrase; without a phrase,
  // the element whose span holds the most matched words.
  function deepLink(data, at) {
    var anchors = (data.anchors || []).filter(function (a) { return ELEMENT_ID.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    var page = data.url.replace(/#.*$/, '');
    var best = null;
    if (at >= 0) {
      anchors.forEach(function (a) { if (a.location <= at) best = a; });
      // In the page title (before any element): the article itself.
      return best ? page + '#' + best.id : page;
    }
    var locations = data.locations || [];
    var bestCount = 0;
    anchors.forEach(function (a, i) {
      var end = i + 1 < anchors.length ? anchors[i + 1].location : Infinity;
      var count = locations.filter(function (l) { return l >= a.location && l < end; }).length;
      if (count > bestCount) { best = a; bestCount = count; }
    });
    return best ? page + '#' + best.id : page;
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
    items = items.map(function (d, i) { var a = analyse(d, query); return { d: d, tier: a.tier, heading: a.heading, at: a.at, i: i }; })
      .sort(function (x, y) { return x.tier - y.tier || x.heading - y.heading || x.i - y.i; });
    items.forEach(function (item) {
      var d = item.d;
      d.link = deepLink(d, item.at);
      var doc = (d.meta && d.meta['văn bản']) || '';
      if (!byDoc[doc]) { byDoc[doc] = { doc: doc, hits: [] }; groups.push(byDoc[doc]); }
      byDoc[doc].hits.push(d);
    });
    var list = el('ol', { 'data-search-list': '' });
    groups.forEach(function (g) {
      var hits = el('ol');
      g.hits.forEach(function (d) {
        hits.append(el('li', { class: 'search-hit' }, [el('a', { href: d.link }, [d.meta.title || d.url]), excerpt(d.excerpt)]));
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
      return Promise.all(search.results.slice(0, 60).map(function (r) { return r.data(); }));
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
