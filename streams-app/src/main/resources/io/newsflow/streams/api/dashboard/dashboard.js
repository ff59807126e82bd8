// newsflow dashboard: polls the REST API every 2 seconds and redraws. Every string that comes from an article
// (titles, keywords, publishers) goes into the page through textContent or setAttribute, never as markup.
'use strict';

(function () {
  const POLL_MS = 2000;
  const HISTORY_WINDOWS = 12;
  const RECENT_ARTICLES = 12;
  const RATE_SPAN_MS = 60000;
  const SVG = 'http://www.w3.org/2000/svg';

  let windowName = null;
  // The window start the user picked, or null to follow the newest window.
  let pinned = null;
  let lastHistory = null;
  let timer = null;
  const samples = [];
  const drawn = {};

  // Redraws a part only when its data changed, so a steady page keeps its selection and hover state.
  function changed(part, data) {
    const text = JSON.stringify(data);
    if (drawn[part] === text) {
      return false;
    }
    drawn[part] = text;
    return true;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    return node;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      let message = 'HTTP ' + response.status;
      try {
        message = (await response.json()).error || message;
      } catch (ignored) {
        // not JSON: keep the status
      }
      throw new Error(message);
    }
    return response.json();
  }

  function keyOf(keyword) {
    return keyword.normalize('NFKC').toLowerCase();
  }

  function number(value) {
    return value === null || value === undefined ? '\u2013' : Number(value).toLocaleString('en-US');
  }

  function decimal(value) {
    return value === null || value === undefined ? '\u2013' : Number(value).toFixed(2);
  }

  function utc(iso) {
    return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '');
  }

  function setStatus(text, isError) {
    const status = byId('status');
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  function breakdown(parts) {
    return Object.keys(parts).map(function (name) {
      return name + ' ' + number(parts[name]);
    }).join(' \u00b7 ');
  }

  function renderStats(stats) {
    byId('stat-in').textContent = number(stats.articlesIn);
    byId('stat-unique').textContent = number(stats.unique);
    byId('stat-duplicates').textContent = number(stats.duplicates.total);
    byId('stat-duplicates-by').textContent = breakdown(stats.duplicates.by);
    byId('stat-dead-letters').textContent = number(stats.deadLetters.total);
    byId('stat-dead-letters-by').textContent = breakdown(stats.deadLetters.by);
    byId('stat-lag').textContent = stats.consumerLag ? number(stats.consumerLag.total) : '?';

    const now = Date.now();
    samples.push({ at: now, count: stats.articlesIn });
    while (samples.length > 1 && now - samples[0].at > RATE_SPAN_MS) {
      samples.shift();
    }
    const first = samples[0];
    const span = now - first.at;
    byId('stat-rate').textContent = span >= 4000
      ? number(Math.round((stats.articlesIn - first.count) * 60000 / span)) : '\u2013';
  }

  // A line of the keyword's count over the recent windows (0 where it was not in the top list); the dot marks
  // the window shown in the table.
  function sparkline(keyword, snapshots, shown) {
    const key = keyOf(keyword);
    const counts = snapshots.map(function (snapshot) {
      const entry = snapshot.entries.find(function (e) { return keyOf(e.keyword) === key; });
      return entry ? entry.count : 0;
    });
    const width = 120;
    const height = 26;
    const max = Math.max.apply(null, counts.concat([1]));
    const step = counts.length > 1 ? (width - 6) / (counts.length - 1) : 0;
    const points = counts.map(function (count, i) {
      const x = 3 + i * step;
      const y = height - 3 - (count / max) * (height - 6);
      return x.toFixed(1) + ',' + y.toFixed(1);
    });
    const chart = svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      class: 'spark', role: 'img' });
    const title = svg('title', {});
    title.textContent = keyword + ': ' + counts.join(', ');
    chart.appendChild(title);
    chart.appendChild(svg('line', { x1: 0, y1: height - 3, x2: width, y2: height - 3 }));
    chart.appendChild(svg('polyline', { points: points.join(' ') }));
    const dot = points[shown].split(',');
    chart.appendChild(svg('circle', { cx: dot[0], cy: dot[1], r: 2.5 }));
    return chart;
  }

  function renderPicker(snapshots, shown) {
    const picker = byId('window-picker');
    picker.replaceChildren.apply(picker, snapshots.map(function (snapshot, i) {
      const button = el('button', utc(snapshot.windowStart).slice(5));
      button.type = 'button';
      button.title = snapshot.final ? 'closed window' : 'open window';
      button.setAttribute('aria-pressed', String(i === shown));
      button.addEventListener('click', function () {
        pinned = i === snapshots.length - 1 ? null : snapshot.windowStart;
        renderTrends(lastHistory);
      });
      return button;
    }));
  }

  function renderTrends(history) {
    lastHistory = history;
    const snapshots = history ? history.snapshots : [];
    const rows = byId('trend-rows');
    let shown = snapshots.length - 1;
    const index = snapshots.findIndex(function (s) { return s.windowStart === pinned; });
    if (pinned !== null && index >= 0) {
      shown = index;
    } else {
      pinned = null;
    }
    const snapshot = shown >= 0 ? snapshots[shown] : null;
    byId('trend-empty').hidden = snapshot !== null && snapshot.entries.length > 0;
    renderPicker(snapshots, shown);
    if (!snapshot) {
      rows.replaceChildren();
      byId('window-range').textContent = '';
      return;
    }
    byId('window-range').textContent = utc(snapshot.windowStart) + ' \u2013 ' + utc(snapshot.windowEnd) + ' UTC'
      + (snapshot.final ? ' (final)' : ' (open)') + (pinned === null ? ' \u00b7 following the newest window' : '');
    rows.replaceChildren.apply(rows, snapshot.entries.map(function (entry) {
      const row = el('tr', null, 'trend-row');
      row.dataset.keyword = entry.keyword;
      row.appendChild(el('td', entry.rank, 'num rank'));
      row.appendChild(el('td', entry.keyword, 'keyword'));
      row.appendChild(el('td', number(entry.count), 'num count'));
      row.appendChild(el('td', decimal(entry.expected), 'num expected' + (entry.expected == null ? ' empty' : '')));
      row.appendChild(el('td', decimal(entry.score), 'num score' + (entry.score == null ? ' empty' : '')));
      const chart = el('td', null, 'chart');
      chart.appendChild(sparkline(entry.keyword, snapshots, shown));
      row.appendChild(chart);
      return row;
    }));
  }

  function renderRecent(recent) {
    const articles = recent ? recent.articles : [];
    byId('recent-empty').hidden = articles.length > 0;
    const list = byId('recent-list');
    list.replaceChildren.apply(list, articles.map(function (article) {
      const item = el('li', null, 'article');
      const title = el('a', article.title, 'title');
      title.href = '/api/articles/' + encodeURIComponent(article.id);
      item.appendChild(title);
      const meta = [article.publisher, article.publishedAt ? utc(article.publishedAt) + ' UTC' : null,
        article.keywords.slice(0, 5).join(', ')].filter(function (part) { return part; });
      item.appendChild(el('span', meta.join(' \u00b7 '), 'meta'));
      return item;
    }));
  }

  async function refresh() {
    clearTimeout(timer);
    const windowQuery = 'window=' + encodeURIComponent(windowName);
    try {
      const answers = await Promise.all([
        getJson('/api/stats'),
        getJson('/api/trends/history?' + windowQuery + '&limit=' + HISTORY_WINDOWS),
        getJson('/api/articles?limit=' + RECENT_ARTICLES)
      ]);
      if (answers[0]) {
        renderStats(answers[0]);
      }
      if (changed('trends', answers[1])) {
        renderTrends(answers[1]);
      }
      if (changed('recent', answers[2])) {
        renderRecent(answers[2]);
      }
      setStatus('live \u00b7 updated ' + new Date().toLocaleTimeString('en-GB'), false);
    } catch (error) {
      setStatus('waiting for the app: ' + error.message, true);
    } finally {
      timer = setTimeout(refresh, POLL_MS);
    }
  }

  function renderWindows(windows) {
    const nav = byId('windows');
    nav.replaceChildren.apply(nav, windows.windows.map(function (name) {
      const button = el('button', name);
      button.type = 'button';
      button.setAttribute('aria-pressed', String(name === windowName));
      button.addEventListener('click', function () {
        windowName = name;
        pinned = null;
        byId('window-label').textContent = '(' + name + ')';
        Array.prototype.forEach.call(nav.children, function (other) {
          other.setAttribute('aria-pressed', String(other === button));
        });
        refresh();
      });
      return button;
    }));
  }

  async function start() {
    try {
      const windows = await getJson('/api/windows');
      windowName = windows['default'];
      byId('window-label').textContent = '(' + windowName + ')';
      renderWindows(windows);
      refresh();
    } catch (error) {
      setStatus('waiting for the app: ' + error.message, true);
      setTimeout(start, POLL_MS);
    }
  }

  start();
}());
