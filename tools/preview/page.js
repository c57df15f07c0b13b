/*
 * The preview page: renders /api/state (tabs as tables of display values, a tab's embedded
 * charts as the inline SVG the server drew, the add-on menu as buttons), opens sidebars in a 300 px frame, switches users, and refreshes whenever a
 * sidebar's google.script.run call completes (the shim posts "preview:changed").
 */
(function () {
  'use strict';
  var state = null;
  var current = null;
  var $ = function (id) { return document.getElementById(id); };

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) })
      .then(function (r) { return r.json(); });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function column(n) {
    var s = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }

  function renderMenu() {
    var nav = $('menu');
    nav.textContent = '';
    state.menus.forEach(function (m) {
      nav.appendChild(el('span', { class: 'title' }, m.title + ':'));
      m.items.forEach(function (item) {
        if (item === 'separator') return nav.appendChild(el('span', { class: 'sep' }));
        var b = el('button', { 'data-fn': item.functionName }, item.caption);
        b.onclick = function () { runMenu(item.functionName); };
        nav.appendChild(b);
      });
    });
  }

  function renderTabs() {
    var tabs = $('tabs');
    tabs.textContent = '';
    if (!state.sheets.some(function (s) { return s.name === current; })) current = (state.sheets.find(function (s) { return s.table; }) || state.sheets[0]).name;
    state.sheets.forEach(function (s) {
      var b = el('button', { role: 'tab', 'aria-selected': String(s.name === current), 'data-sheet': s.name }, s.name);
      b.onclick = function () { current = s.name; renderTabs(); renderCharts(); renderTable(); };
      tabs.appendChild(b);
    });
  }

  function renderTable() {
    var sheet = state.sheets.find(function (s) { return s.name === current; });
    var box = $('table');
    box.textContent = '';
    if (!sheet) return;
    var width = sheet.rows.reduce(function (w, r) { return Math.max(w, r.cells.length); }, 0);
    var table = el('table', { class: 'sheet', 'data-sheet': sheet.name, 'data-table': sheet.table || '' });
    var head = el('tr');
    head.appendChild(el('th'));
    for (var c = 1; c <= width; c++) head.appendChild(el('th', {}, column(c)));
    table.appendChild(head);
    sheet.rows.forEach(function (r) {
      var tr = el('tr', r.n <= sheet.frozenRows ? { class: 'frozen' } : {});
      tr.appendChild(el('td', { class: 'n' }, String(r.n)));
      r.cells.forEach(function (text, i) {
        var td = el('td', { title: text }, text);
        td.ondblclick = function () { edit(sheet.name, r.n, i + 1, text); };
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    box.appendChild(table);
  }

  /** The tab's charts above its table; the SVG is parsed as SVG (never as HTML) and adopted. */
  function renderCharts() {
    var sheet = state.sheets.find(function (s) { return s.name === current; });
    var box = $('charts');
    box.textContent = '';
    var charts = (sheet && sheet.charts) || [];
    box.hidden = charts.length === 0;
    charts.forEach(function (c) {
      var doc = new DOMParser().parseFromString(c.svg, 'image/svg+xml');
      var fig = el('figure', { 'data-chart-id': String(c.id), 'data-type': c.type });
      fig.appendChild(document.importNode(doc.documentElement, true));
      fig.appendChild(el('figcaption', {}, c.type.toLowerCase() + ' chart · anchored at ' + c.anchor));
      box.appendChild(fig);
    });
  }

  function edit(sheet, row, col, text) {
    var typed = window.prompt(sheet + '!' + column(col) + row, text);
    if (typed === null) return;
    post('/api/edit', { sheet: sheet, row: row, col: col, text: typed }).then(function (r) {
      if (r.error) showAlert(r.error);
      refresh();
    });
  }

  function renderUsers() {
    var select = $('user');
    select.textContent = '';
    state.users.forEach(function (u) {
      var o = el('option', { value: u }, u);
      if (u === state.user) o.selected = true;
      select.appendChild(o);
    });
  }

  function refresh() {
    return fetch('/api/state').then(function (r) { return r.json(); }).then(function (s) {
      state = s;
      $('doc-title').textContent = s.spreadsheet;
      renderUsers();
      renderMenu();
      renderTabs();
      renderCharts();
      renderTable();
    });
  }

  function showAlert(text) {
    $('alert-text').textContent = text;
    $('alert').hidden = false;
    $('alert-ok').focus();
  }

  function runMenu(fn) {
    return post('/api/menu', { fn: fn }).then(function (r) {
      if (r.sidebar) {
        $('sidebar').hidden = false;
        $('sidebar-title').textContent = r.sidebar.title;
        $('sidebar-frame').setAttribute('data-file', r.sidebar.file);
        $('sidebar-frame').src = '/sidebar/' + r.sidebar.id;
      }
      var texts = r.alerts.slice();
      if (r.error) texts.push(r.error);
      if (texts.length) showAlert(texts.join('\n\n'));
      return refresh();
    });
  }

  $('alert-ok').onclick = function () { $('alert').hidden = true; };
  $('sidebar-close').onclick = function () { $('sidebar').hidden = true; $('sidebar-frame').src = 'about:blank'; };
  $('reopen').onclick = function () { post('/api/open').then(refresh); };
  $('user').onchange = function (e) { post('/api/user', { user: e.target.value }).then(refresh); };
  window.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'preview:changed') refresh();
    if (e.data && e.data.type === 'preview:close') $('sidebar-close').click();
  });
  window.previewRunMenu = runMenu;
  refresh();
})();
