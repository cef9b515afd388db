/* web/app.js -- the dots workbench: search, actor view with its network graph,
** path finder, timeline chart, document reader, adding documents, review.
** Facts that shaped it:
** - Document text is hostile input. Every string from the API reaches the page
**   through textContent or a text node (el() below); innerHTML is never used,
**   and the server's CSP forbids inline script as a second wall.
** - Evidence and mention offsets are UTF-8 byte offsets into the document text;
**   JavaScript strings count UTF-16 units, so the reader maps one to the other.
** - Writes carry the write token (Authorization: Bearer, kept in sessionStorage
**   for this tab only) and the CSRF token from /api/session (X-CSRF-Token).
** - The views are chosen by the URL fragment: #/actor/ID, #/path?from=&to=,
**   #/timeline?actor=&with=, #/doc/ID, #/add, #/review. */
'use strict';

const PREDICATES = ['supports', 'arms', 'funds', 'trains', 'shelters', 'allied_with', 'meets',
  'opposes', 'attacks', 'designates', 'detains', 'releases', 'member_of', 'located_in'];
const PRED_COLOR = {
  supports: '#2b8a3e', arms: '#c92a2a', funds: '#e67700', trains: '#a61e4d',
  shelters: '#5f3dc4', allied_with: '#1864ab', meets: '#0b7285', opposes: '#862e9c',
  attacks: '#d9480f', designates: '#495057', detains: '#364fc7', releases: '#087f5b',
  member_of: '#868e96', located_in: '#adb5bd'
};

const $ = (id) => document.getElementById(id);
const state = { csrf: null, token: sessionStorage.getItem('dots-token') || '', cy: null,
                actor: null, doc: null };

/* ---- DOM helpers: text only --------------------------------------------- */

/* el('a', {href: '#/x', class: 'y'}, 'text', child...) -- strings become text nodes. */
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'href') e.setAttribute('href', safeHref(v));
    else e.setAttribute(k, v);
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === undefined || kid === null || kid === false) continue;
    e.appendChild(typeof kid === 'object' ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

/* Only the page's own fragment links and the API are linked to. */
function safeHref(v) {
  const s = String(v);
  return s.startsWith('#') || s.startsWith('/api/') ? s : '#';
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function show(node, ...kids) { clear(node); for (const k of kids) if (k) node.appendChild(k); }

function status(msg, kind) {
  const s = $('status');
  s.textContent = msg || '';
  s.className = 'status' + (kind ? ' ' + kind : '');
}

/* ---- API ------------------------------------------------------------------ */

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}

async function api(path, params) {
  const r = await fetch('/api/' + path + qs(params || {}), { credentials: 'same-origin' });
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) throw new Error((body && body.error) || (r.status + ' ' + r.statusText));
  return body;
}

async function session() {
  const headers = state.token ? { Authorization: 'Bearer ' + state.token } : {};
  const r = await fetch('/api/session', { headers, credentials: 'same-origin' });
  const s = await r.json();
  state.csrf = s.csrf;
  state.tokenFile = s.token_file;
  return s;
}

function writeHeaders(json) {
  const h = { 'X-CSRF-Token': state.csrf || '' };
  if (state.token) h.Authorization = 'Bearer ' + state.token;
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

async function post(path, body) {
  if (!state.csrf) await session();
  const r = await fetch('/api/' + path, { method: 'POST', headers: writeHeaders(true),
    body: JSON.stringify(body), credentials: 'same-origin' });
  let j = null;
  try { j = await r.json(); } catch (e) { j = null; }
  if (!r.ok) {
    if (r.status === 401) askToken();
    throw new Error((j && j.error) || (r.status + ' ' + r.statusText));
  }
  return j;
}

/* ---- Shapes: the graph module's answers, read tolerantly ------------------- */

function ref(x) {
  if (x === null || x === undefined) return null;
  if (typeof x === 'object') {
    const id = x.id !== undefined ? x.id : (x.key !== undefined ? x.key : x.name);
    return { id: String(id), name: String(x.name !== undefined ? x.name : id), type: x.type };
  }
  return { id: String(x), name: String(x) };
}

function list(j, ...keys) {
  if (Array.isArray(j)) return j;
  for (const k of keys) if (j && Array.isArray(j[k])) return j[k];
  return [];
}

function claimOf(c) {
  const ev = c.evidence || {};
  const src = c.source;
  return {
    raw: c,
    id: c.id,
    subject: ref(c.subject_name && typeof c.subject !== 'object' ? { id: c.subject, name: c.subject_name } : c.subject),
    object: ref(c.object_name && typeof c.object !== 'object' ? { id: c.object, name: c.object_name } : c.object),
    predicate: c.predicate,
    polarity: c.polarity || 'asserted',
    time: c.time || '',
    source: src && typeof src === 'object' ? (src.name || src.id) : (src || c.source_name || ''),
    origin: c.origin || 'article',
    doc: c.doc && typeof c.doc === 'object' ? c.doc.id
      : (ev.doc !== undefined ? ev.doc : (c.doc_id !== undefined ? c.doc_id : c.doc)),
    docName: (c.doc && typeof c.doc === 'object' ? (c.doc.title || c.doc.name) : '') || ev.doc_name || c.doc_name || '',
    start: ev.start !== undefined ? ev.start : c.ev_start,
    end: ev.end !== undefined ? ev.end : c.ev_end,
    sentence: ev.text || ev.sentence || c.sentence || '',
    status: c.status || c.review || 'unreviewed',
    confidence: c.confidence
  };
}

/* ---- Search with suggestions -------------------------------------------- */

function attachSuggest(input, onPick) {
  const box = el('ul', { class: 'suggest', role: 'listbox', hidden: 'hidden' });
  input.parentNode.classList.add('has-suggest');
  input.parentNode.appendChild(box);
  wireSuggest(input, box, onPick);
}

function wireSuggest(input, box, onPick, withDocs) {
  let timer = null, seq = 0, items = [], active = -1;
  const close = () => { box.hidden = true; active = -1; };
  const mark = () => [...box.children].forEach((li, i) => li.classList.toggle('active', i === active));
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 1) { close(); return; }
    timer = setTimeout(async () => {
      const my = ++seq;
      let res;
      try { res = await api('search', { q, limit: 8 }); } catch (e) { return; }
      if (my !== seq) return;
      const seen = new Set();
      items = [];
      for (const raw of list(res, 'actors', 'results')) {
        const a = ref(raw);
        if (seen.has(a.id)) continue;            /* one row per actor, not per alias */
        seen.add(a.id);
        items.push({ a, raw });
      }
      if (withDocs) for (const d of list(res.documents)) items.push({ doc: d, a: { id: 'doc:' + d.id, name: d.title || d.name } });
      clear(box);
      items.forEach(({ a, raw, doc }, i) => {
        if (doc) {
          box.appendChild(el('li', { role: 'option', class: 'docopt', onmousedown: (ev) => { ev.preventDefault(); pick(i); } },
            el('span', { class: 'muted' }, 'document '), el('b', {}, doc.title || doc.name),
            doc.snippet ? el('span', { class: 'alias' }, ' ' + doc.snippet) : null));
          return;
        }
        const aliases = [].concat(raw.alias || [], raw.aliases || []).map((x) => (typeof x === 'object' ? x.alias || x.name : x))
          .filter((x) => x && x !== a.name).slice(0, 3);
        box.appendChild(el('li', { role: 'option', 'data-id': a.id,
          onmousedown: (ev) => { ev.preventDefault(); pick(i); } },
          el('b', {}, a.name), ' ', el('span', { class: 'muted' }, a.type || ''),
          aliases.length ? el('span', { class: 'alias' }, ' aka ' + aliases.join(', ')) : null));
      });
      box.hidden = items.length === 0;
    }, 120);
  });
  const pick = (i) => {
    const it = items[i];
    if (!it) return;
    if (it.doc) { close(); input.value = ''; go('#/doc/' + encodeURIComponent(it.doc.id)); return; }
    input.value = it.a.name;
    input.dataset.id = it.a.id;
    close();
    onPick(it.a);
  };
  input.addEventListener('keydown', (ev) => {
    if (box.hidden) {
      if (ev.key === 'Enter' && input.value.trim()) { ev.preventDefault(); onPick({ id: input.value.trim(), name: input.value.trim() }); }
      return;
    }
    if (ev.key === 'ArrowDown') { active = Math.min(active + 1, items.length - 1); mark(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = Math.max(active - 1, 0); mark(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { ev.preventDefault(); pick(active >= 0 ? active : 0); }
    else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

/* ---- Claims as rows, with review buttons ---------------------------------- */

const STATUS_MARK = { confirmed: '✓ confirmed', rejected: '✗ rejected', corrected: '✎ corrected' };

function actorLink(a) {
  return a ? el('a', { href: '#/actor/' + encodeURIComponent(a.id), class: 'actor' }, a.name) : '';
}

function claimRow(c) {
  const row = el('div', { class: 'claim status-' + c.status + (c.origin === 'comment' ? ' from-comment' : ''),
    'data-claim': c.id });
  const head = el('div', { class: 'claim-head' },
    actorLink(c.subject), ' ',
    el('span', { class: 'pred pred-' + c.predicate }, (c.polarity === 'denied' ? 'not ' : '') + c.predicate),
    c.polarity === 'hedged' ? el('span', { class: 'hedged' }, ' (hedged)') : null, ' ',
    actorLink(c.object),
    c.time ? el('span', { class: 'time' }, ' ' + c.time) : null,
    c.source ? el('span', { class: 'source' }, ' per ' + c.source) : null,
    c.origin === 'comment' ? el('span', { class: 'badge comment' }, 'reader comment') : null,
    STATUS_MARK[c.status] ? el('span', { class: 'badge reviewed' }, STATUS_MARK[c.status]) : null);
  row.appendChild(head);
  if (c.sentence) row.appendChild(el('blockquote', { class: 'evidence' }, c.sentence));
  const foot = el('div', { class: 'claim-foot' });
  if (c.doc !== undefined && c.doc !== null)
    foot.appendChild(el('a', { href: '#/doc/' + encodeURIComponent(c.doc) + (c.id !== undefined ? '?claim=' + c.id : ''), class: 'doclink' },
      'document ' + (c.docName || c.doc)));
  if (c.id !== undefined) foot.appendChild(reviewButtons(c, row));
  row.appendChild(foot);
  return row;
}

function reviewButtons(c, row) {
  const box = el('span', { class: 'review' });
  const act = async (action, extra) => {
    try {
      await post('claims/' + encodeURIComponent(c.id) + '/review', Object.assign({ action }, extra || {}));
      c.status = { confirm: 'confirmed', reject: 'rejected', correct: 'corrected' }[action];
      if (extra && extra.predicate) c.predicate = extra.predicate;
      if (extra && extra.polarity) c.polarity = extra.polarity;
      if (extra && extra.time) c.time = extra.time;
      row.replaceWith(claimRow(c));
      status('Claim ' + c.id + ': ' + c.status, 'ok');
    } catch (e) { status('Review failed: ' + e.message, 'error'); }
  };
  box.appendChild(el('button', { type: 'button', class: 'confirm', onclick: () => act('confirm') }, 'Confirm'));
  box.appendChild(el('button', { type: 'button', class: 'reject', onclick: () => act('reject') }, 'Reject'));
  box.appendChild(el('button', { type: 'button', class: 'correct', onclick: () => {
    if (box.querySelector('form')) return;
    const pred = el('select', { name: 'predicate' }, PREDICATES.map((p) => el('option', p === c.predicate ? { selected: 'selected' } : {}, p)));
    const pol = el('select', { name: 'polarity' }, ['asserted', 'denied', 'hedged'].map((p) => el('option', p === c.polarity ? { selected: 'selected' } : {}, p)));
    const time = el('input', { name: 'time', type: 'text', size: 10, value: c.time || '', placeholder: 'time' });
    const f = el('form', { class: 'correct-form', onsubmit: (ev) => {
      ev.preventDefault();
      act('correct', { predicate: pred.value, polarity: pol.value, time: time.value || undefined });
    } }, pred, pol, time, el('button', { type: 'submit' }, 'Save'));
    box.appendChild(f);
  } }, 'Correct'));
  return box;
}

function claimList(claims, empty) {
  const box = el('div', { class: 'claims' });
  if (!claims.length) box.appendChild(el('p', { class: 'muted' }, empty || 'No claims.'));
  for (const c of claims) box.appendChild(claimRow(c));
  return box;
}

/* ---- Home ---------------------------------------------------------------- */

async function viewHome() {
  try {
    const s = await api('stats');
    const dl = clear($('stats'));
    for (const [k, v] of Object.entries(s)) {
      if (v === null || typeof v === 'object') continue;
      dl.appendChild(el('dt', {}, k.replace('_', ' ')));
      dl.appendChild(el('dd', {}, String(v)));
    }
    const preds = Object.entries(s.predicates || {}).sort((a, b) => b[1] - a[1]);
    const max = preds.length ? preds[0][1] : 1;
    if (preds.length) {
      dl.appendChild(el('dt', {}, 'claims by predicate'));
      const bars = el('dd', { class: 'predbars' });
      for (const [p, n] of preds) {
        const bar = el('span', { class: 'bar pred-' + p });
        bar.style.width = Math.max(2, Math.round(160 * n / max)) + 'px';   /* CSSOM, allowed by the CSP */
        bars.appendChild(el('div', {}, el('span', { class: 'predname' }, p), bar, ' ' + n));
      }
      dl.appendChild(bars);
    }
  } catch (e) { status(e.message, 'error'); }
}

/* ---- Actor view: profile, sanctions, network, claims ---------------------- */

function filterValues() {
  const preds = [...$('f-predicate').selectedOptions].map((o) => o.value).filter(Boolean);
  return { predicate: preds.join(','), since: $('f-since').value.trim(), until: $('f-until').value.trim(),
           source: $('f-source').value.trim(), origin: $('f-origin').value };
}

async function viewActor(id) {
  state.actor = id;
  status('Loading ' + id + '…');
  let a;
  try { a = await api('actors/' + encodeURIComponent(id)); }
  catch (e) { status(e.message, 'error'); show($('profile'), el('p', {}, e.message)); return; }
  renderProfile(a);
  await Promise.all([loadNetwork(), loadActorClaims()]);
  status('');
}

function renderProfile(a) {
  const who = a.actor && typeof a.actor === 'object' ? a.actor : a;
  const me = ref(who);
  const aliases = (a.aliases || []).map((x) => (typeof x === 'object' ? x.alias || x.name : x)).filter((x) => x !== me.name);
  const facts = el('dl', { class: 'facts' });
  const add = (k, v) => { if (v !== undefined && v !== null && v !== '' && typeof v !== 'object') { facts.appendChild(el('dt', {}, k)); facts.appendChild(el('dd', {}, String(v))); } };
  add('type', who.type); add('id', me.id); add('key', who.key); add('knowledge base', who.kb_id);
  const counts = a.counts && typeof a.counts === 'object' ? a.counts : a;
  for (const k of ['mentions', 'documents', 'claims_out', 'claims_in', 'as_source', 'claims'])
    add(k.replace('_', ' '), typeof counts[k] === 'object' ? undefined : counts[k]);
  show($('profile'), el('h1', {}, me.name),
    aliases.length ? el('p', { class: 'aliases' }, 'also: ' + aliases.join(', ')) : null, facts,
    el('p', {}, el('a', { href: '#/timeline?actor=' + encodeURIComponent(me.id) }, 'timeline'), ' · ',
      el('a', { href: '#/path?from=' + encodeURIComponent(me.id) }, 'find a path from here'), ' · ',
      el('a', { href: '#/review?actor=' + encodeURIComponent(me.id) }, 'review its claims')),
    el('p', { class: 'exports' }, 'export the network (filters below apply): ',
      ['graphml', 'gexf', 'csv', 'jsonl', 'ftm'].map((f, i) => [i ? ' · ' : '',
        el('a', { href: '/api/export' + qs(Object.assign({ format: f }, filterValues())), class: 'export', 'data-format': f }, f)])));
  const sanc = list(a.sanctions, 'entries');
  const box = clear($('sanctions'));
  box.appendChild(el('h2', {}, 'Sanctions'));
  if (!sanc.length) { box.appendChild(el('p', { class: 'muted' }, 'Not on the stored lists.')); return; }
  const t = el('table', { class: 'sanc' }, el('tr', {}, el('th', {}, 'list'), el('th', {}, 'entry'), el('th', {}, 'programs'), el('th', {}, 'ref'), el('th', {}, '')));
  for (const s of sanc) {
    t.appendChild(el('tr', {}, el('td', {}, s.list || ''), el('td', {}, s.name || ''),
      el('td', {}, [].concat(s.programs || s.program || []).join(', ')),
      el('td', {}, s.entry_id || s.ref || s.id || ''),
      el('td', {}, s.matched_alias ? 'matched on ' + s.matched_alias : '')));
  }
  box.appendChild(t);
}

async function loadActorClaims() {
  try {
    const j = await api('claims', Object.assign({ actor: state.actor, limit: 200 }, filterValues()));
    show($('actorclaims'), claimList(list(j, 'claims').map(claimOf)));
  } catch (e) { show($('actorclaims'), el('p', { class: 'error' }, e.message)); }
}

function netElements(j) {
  const nodes = list(j, 'nodes').map((n) => {
    const r = ref(n);
    return { group: 'nodes', data: { id: r.id, label: r.name, type: n.type || r.type || '', depth: n.depth || 0, raw: n } };
  });
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = [];
  list(j, 'edges').forEach((e, i) => {
    const s = ref(e.source !== undefined ? e.source : e.from), t = ref(e.target !== undefined ? e.target : e.to);
    if (!s || !t) return;
    for (const x of [s, t]) if (!ids.has(x.id)) { ids.add(x.id); nodes.push({ group: 'nodes', data: { id: x.id, label: x.name, type: '' } }); }
    /* independent sources: distinct documents behind the edge */
    const srcs = Number(e.documents !== undefined ? e.documents : (e.sources !== undefined ? e.sources : (e.claims || 1))) || 1;
    edges.push({ group: 'edges', data: { id: 'e:' + s.id + ':' + t.id + ':' + e.predicate, source: s.id, target: t.id,
      predicate: e.predicate || '', sources: srcs, claims: Array.isArray(e.claims) ? e.claims.length : (e.claims || e.count || 1),
      width: Math.min(1 + 1.6 * srcs, 12), color: PRED_COLOR[e.predicate] || '#868e96', raw: e } });
  });
  return nodes.concat(edges);
}

async function loadNetwork(extraFrom) {
  const f = filterValues();
  let j;
  try { j = await api('network', Object.assign({ actor: extraFrom || state.actor, depth: $('f-depth').value }, f)); }
  catch (e) { status(e.message, 'error'); return; }
  const els = netElements(j);
  if (typeof window.cytoscape !== 'function') {
    show($('graph'), el('p', { class: 'error' }, window.DOTS_NO_CYTOSCAPE || 'cytoscape.js did not load'));
    return;
  }
  if (!extraFrom || !state.cy) {
    if (state.cy) state.cy.destroy();
    state.cy = makeGraph(els);
    if (state.cy.zoom() > 1.8) { state.cy.zoom(1.8); state.cy.center(); }
  } else {
    const fresh = els.filter((e) => state.cy.getElementById(e.data.id).empty());
    state.cy.add(fresh);
    for (const e of fresh) if (e.group === 'nodes') state.cy.getElementById(e.data.id).data('depth', 1 + (e.data.depth || 0));
    state.cy.layout(LAYOUT).run();
  }
  const center = state.cy.getElementById(String(ref(j.center || j.actor || state.actor).id));
  if (center.nonempty()) center.addClass('center');
  $('graph').dataset.nodes = String(state.cy.nodes().length);
  $('graph').dataset.edges = String(state.cy.edges().length);
}

/* Rings around the actor: its neighbours on the first, theirs on the next. */
const LAYOUT = { name: 'concentric', animate: false, fit: true, padding: 40, minNodeSpacing: 70,
                 concentric: (n) => 10 - (n.data('depth') || 0), levelWidth: () => 1 };

function makeGraph(els) {
  const cy = window.cytoscape({
    container: $('graph'),
    elements: els,
    wheelSensitivity: 0.3,
    maxZoom: 2.5,
    minZoom: 0.1,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
        'background-color': '#74a9cf', width: 22, height: 22, color: '#222', 'text-wrap': 'ellipsis', 'text-max-width': 140 } },
      { selector: 'node[type = "PER"]', style: { 'background-color': '#f4a259', shape: 'ellipse' } },
      { selector: 'node[type = "ORG"]', style: { 'background-color': '#8cb369', shape: 'round-rectangle' } },
      { selector: 'node[type = "GPE"]', style: { 'background-color': '#5b8e7d', shape: 'hexagon' } },
      { selector: 'node[type = "LOC"]', style: { 'background-color': '#bc4b51', shape: 'diamond' } },
      { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#111', width: 30, height: 30 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#e03131' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8, label: 'data(predicate)',
        'font-size': 9, color: '#555', 'text-rotation': 'autorotate', 'text-background-color': '#fff',
        'text-background-opacity': 0.7 } },
      { selector: 'edge:selected', style: { opacity: 1, 'line-style': 'dashed' } }
    ],
    layout: LAYOUT
  });
  cy.on('tap', 'node', (ev) => nodeSide(ev.target));
  cy.on('dbltap', 'node', (ev) => { location.hash = '#/actor/' + encodeURIComponent(ev.target.id()); });
  cy.on('tap', 'edge', (ev) => edgeSide(ev.target));
  return cy;
}

function nodeSide(n) {
  show($('graphside'), el('h3', {}, n.data('label')), el('p', { class: 'muted' }, n.data('type') || ''),
    el('p', {}, el('button', { type: 'button', class: 'expand', onclick: async () => {
      status('Expanding ' + n.data('label') + '…'); await loadNetwork(n.id()); status('');
    } }, 'Expand'), ' ', el('a', { href: '#/actor/' + encodeURIComponent(n.id()) }, 'Open')));
}

async function edgeSide(e) {
  const side = $('graphside');
  show(side, el('h3', {}, e.source().data('label') + ' → ' + e.target().data('label')),
    el('p', {}, el('span', { class: 'pred pred-' + e.data('predicate') }, e.data('predicate')),
      ' · ' + e.data('sources') + ' independent source(s)'));
  const raw = e.data('raw') || {};
  let claims = Array.isArray(raw.claims) ? raw.claims.map(claimOf) : null;
  if (!claims) {
    try {
      const f = filterValues();
      f.predicate = e.data('predicate');
      const j = await api('claims', Object.assign({ actor: e.source().id(), limit: 500 }, f));
      claims = list(j, 'claims').map(claimOf).filter((c) => c.object && c.object.id === e.target().id() &&
        c.subject && c.subject.id === e.source().id());
    } catch (err) { side.appendChild(el('p', { class: 'error' }, err.message)); return; }
  }
  side.appendChild(claimList(claims, 'No claims under these filters.'));
}

/* ---- Path finder ----------------------------------------------------------- */

async function viewPath(p) {
  if (p.from) $('p-from').value = p.from;
  if (p.to) $('p-to').value = p.to;
  if (p.hops) $('p-hops').value = p.hops;
  if (!p.from || !p.to) { show($('paths'), el('p', { class: 'muted' }, 'Two actors, by id or name.')); return; }
  status('Searching paths…');
  let j;
  try { j = await api('path', { from: p.from, to: p.to, hops: p.hops || 3, k: 5 }); }
  catch (e) { status(e.message, 'error'); show($('paths'), el('p', { class: 'error' }, e.message)); return; }
  status('');
  const paths = list(j, 'paths');
  const box = el('div', { class: 'pathlist' });
  if (!paths.length) box.appendChild(el('p', { class: 'muted' }, 'No path within ' + (p.hops || 3) + ' hops.'));
  paths.forEach((path, i) => box.appendChild(renderPath(path, i)));
  show($('paths'), box);
}

function renderPath(path, i) {
  const edges = list(path, 'edges', 'steps', 'hops');
  const names = {};
  for (const n of list(path, 'nodes', 'actors')) { const r = ref(n); names[r.id] = r.name; }
  const chain = el('div', { class: 'chain' });
  const detail = el('div', { class: 'path-evidence' });
  edges.forEach((e, k) => {
    const from = ref(e.from !== undefined ? e.from : e.source), to = ref(e.to !== undefined ? e.to : e.target);
    const fromName = names[from.id] && from.name === from.id ? names[from.id] : from.name;
    const toName = names[to.id] && to.name === to.id ? names[to.id] : to.name;
    if (k === 0) chain.appendChild(el('a', { class: 'node', href: '#/actor/' + encodeURIComponent(from.id) }, fromName));
    const claims = list(e, 'claims', 'evidence').map(claimOf);
    for (const c of claims) for (const x of [c.subject, c.object]) if (x && !names[x.id]) names[x.id] = x.name;
    const srcs = e.support !== undefined ? e.support : (e.sources !== undefined ? e.sources : claims.length);
    const pred = e.predicate || (Array.isArray(e.predicates) ? e.predicates.join(', ') : '?');
    const arrow = e.direction === 'backward' ? ['← ', ' —'] : e.direction === 'both' ? ['↔ ', ''] : ['— ', ' →'];
    chain.appendChild(el('button', { type: 'button', class: 'edge', title: 'show the evidence',
      onclick: () => {
        const open = detail.dataset.edge === String(k);
        clear(detail);
        detail.dataset.edge = open ? '' : String(k);
        if (!open) detail.append(el('h4', {}, fromName + ' ' + pred + ' ' + toName + ' · ' + srcs + ' independent document(s)'),
          claimList(claims, 'No evidence attached.'));
      } }, arrow[0] + pred + ' (' + srcs + ')' + arrow[1]));
    chain.appendChild(el('a', { class: 'node', href: '#/actor/' + encodeURIComponent(to.id) }, toName));
  });
  return el('div', { class: 'path', 'data-path': i },
    el('div', { class: 'path-head' }, 'Path ' + (i + 1) + (path.hops !== undefined ? ' · ' + path.hops + ' hop(s)' : '') +
      (path.support !== undefined ? ' · weakest edge has ' + path.support + ' document(s)' : '') +
      (path.confidence !== undefined ? ' · confidence ' + Number(path.confidence).toFixed(2) : '')),
    chain, detail);
}

/* ---- Timeline: dated claims drawn as an SVG chart ------------------------- */

/* "2006/..", "2010-08", "2016-05-21", "2001/2003" -> [start, end] as fractional years. */
function timeSpan(t) {
  if (!t) return null;
  const part = (s, end) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s || '');
    if (!m) return null;
    const y = +m[1], mo = m[2] ? +m[2] - 1 : (end ? 11 : 0), d = m[3] ? +m[3] - 1 : (end ? 30 : 0);
    return y + mo / 12 + d / 365;
  };
  const [a, b] = String(t).split('/');
  const s = part(a, false);
  if (s === null) return null;
  if (b === undefined) return [s, part(a, true)];
  if (b === '..' || b === '') return [s, null];
  const e = part(b, true);
  return [s, e === null ? s : e];
}

const SVGNS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

async function viewTimeline(p) {
  if (p.actor) $('t-actor').value = p.actor;
  $('t-with').value = p.with || '';
  if (!p.actor) { clear($('tlchart')); clear($('tllist')); return; }
  status('Loading timeline…');
  let j;
  try { j = await api('timeline', { actor: p.actor, with: p.with }); }
  catch (e) { status(e.message, 'error'); show($('tlchart'), el('p', { class: 'error' }, e.message)); return; }
  status('');
  let claims = list(j, 'claims', 'events', 'timeline').flatMap((x) => (Array.isArray(x.claims) ? x.claims : [x])).map(claimOf);
  const dated = claims.filter((c) => timeSpan(c.time));
  dated.sort((a, b) => timeSpan(a.time)[0] - timeSpan(b.time)[0]);
  show($('tlchart'), drawTimeline(dated, p), dated.length ? el('p', { class: 'legend muted' },
    'A dot marks when a claim starts; a bar, the period its date covers (2012 is the whole year); ' +
    'a dashed bar, an open period (2006/.. is "since 2006"). Faded dots: denied or hedged. Click a mark for its evidence.') : null);
  show($('tllist'), el('h2', {}, dated.length + ' dated claim(s)' + (claims.length > dated.length ? ', ' + (claims.length - dated.length) + ' undated' : '')),
    claimList(dated.concat(claims.filter((c) => !timeSpan(c.time)))));
}

function drawTimeline(claims, p) {
  if (!claims.length) return el('p', { class: 'muted' }, 'No dated claims.');
  const now = new Date().getFullYear() + 1;
  let lo = Infinity, hi = -Infinity;
  for (const c of claims) { const [s, e] = timeSpan(c.time); lo = Math.min(lo, s); hi = Math.max(hi, e === null ? s : e); }
  lo = Math.floor(lo); hi = Math.max(Math.ceil(hi + 0.001), lo + 1);
  const preds = [...new Set(claims.map((c) => c.predicate))];
  const W = 900, left = 110, right = 20, top = 24, lane = 26, H = top + lane * preds.length + 30;
  const x = (t) => left + (t - lo) / (hi - lo) * (W - left - right);
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', width: '100%' });
  g.appendChild(svg('title', {}, 'Dated claims of ' + p.actor + (p.with ? ' with ' + p.with : '')));
  const step = Math.max(1, Math.ceil((hi - lo) / 12));
  for (let y = lo; y <= hi; y += step) {
    g.appendChild(svg('line', { x1: x(y), x2: x(y), y1: top - 6, y2: H - 24, class: 'grid' }));
    g.appendChild(svg('text', { x: x(y), y: H - 8, class: 'tick', 'text-anchor': 'middle' }, String(y)));
  }
  preds.forEach((pr, i) => {
    const y = top + lane * i + lane / 2;
    g.appendChild(svg('text', { x: left - 8, y: y + 4, class: 'lane', 'text-anchor': 'end' }, pr));
    g.appendChild(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'laneline' }));
  });
  for (const c of claims) {
    const [s, e] = timeSpan(c.time);
    const y = top + lane * preds.indexOf(c.predicate) + lane / 2;
    const color = PRED_COLOR[c.predicate] || '#555';
    const a = svg('a', { href: '#/doc/' + encodeURIComponent(c.doc) + '?claim=' + c.id, class: 'mark status-' + c.status });
    a.appendChild(svg('title', {}, `${c.time}: ${c.subject ? c.subject.name : ''} ${c.predicate} ${c.object ? c.object.name : ''}` +
      (c.source ? ' (per ' + c.source + ')' : '') + (c.sentence ? '\n' + c.sentence : '')));
    const end = e === null ? Math.min(now, hi) : e;
    if (end - s > 0.2) a.appendChild(svg('line', { x1: x(s), x2: x(end), y1: y, y2: y, stroke: color, class: 'span' + (e === null ? ' open' : '') }));
    a.appendChild(svg('circle', { cx: x(s), cy: y, r: 5, fill: color, class: c.polarity }));
    g.appendChild(a);
  }
  return g;
}

/* ---- Document reader -------------------------------------------------------- */

/* Byte offset (UTF-8) -> index in the JS string. */
function byteIndex(text) {
  const map = new Int32Array(new TextEncoder().encode(text).length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (cp >= 0x10000) i++;
  }
  map[b] = text.length;
  return (off) => map[Math.max(0, Math.min(off, b))];
}

/* A run of text with mentions and evidence marked, as DOM nodes (text only). */
function markedText(text, at, from, to, mentions, claims) {
  const cuts = new Set([from, to]);
  const inside = (s, e) => e > from && s < to;
  const ms = mentions.filter((m) => inside(m.s, m.e));
  const cs = claims.filter((c) => inside(c.s, c.e));
  for (const m of ms) { cuts.add(Math.max(from, m.s)); cuts.add(Math.min(to, m.e)); }
  for (const c of cs) { cuts.add(Math.max(from, c.s)); cuts.add(Math.min(to, c.e)); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const s = pts[i], e = pts[i + 1];
    if (e <= s) continue;
    let node = document.createTextNode(text.slice(at(s), at(e)));
    const m = ms.find((x) => x.s <= s && x.e >= e);
    if (m) node = el('a', { class: 'mention', href: '#/actor/' + encodeURIComponent(m.actor), title: m.name }, node);
    const ev = cs.filter((x) => x.s <= s && x.e >= e);
    if (ev.length) node = el('mark', { class: 'evidence', 'data-claims': ev.map((x) => x.id).join(' ') }, node);
    out.push(node);
  }
  return out;
}

async function viewDoc(id, params) {
  if (!id) { clear($('reader')); clear($('docclaims')); return; }
  $('d-id').value = id;
  status('Loading document ' + id + '…');
  let d;
  try { d = await api('documents/' + encodeURIComponent(id)); }
  catch (e) { status(e.message, 'error'); show($('reader'), el('p', { class: 'error' }, e.message)); clear($('docclaims')); return; }
  status('');
  state.doc = d;
  const meta = d.document && typeof d.document === 'object' ? d.document : d;
  const text = String(meta.text || '');
  const at = byteIndex(text);
  const mentions = list(d.mentions).map((m) => {
    const a = ref(m.actor !== undefined ? (m.actor_name ? { id: m.actor, name: m.actor_name } : m.actor) : m.actor_id);
    return { s: m.start, e: m.end, actor: a ? a.id : '', name: a ? a.name : '' };
  });
  const claims = list(d.claims).map(claimOf);
  const spans = claims.map((c) => ({ s: c.start, e: c.end, id: c.id })).filter((c) => c.s !== undefined);
  let segs = list(d.segments, 'segs');
  if (!segs.length) segs = [{ kind: 'body', start: 0, end: new TextEncoder().encode(text).length }];
  const art = el('div', { class: 'article' }), com = el('div', { class: 'comments' });
  for (const s of segs) {
    const kind = String(s.kind || 'body').toLowerCase();
    const kids = markedText(text, at, s.start, s.end, mentions, spans);
    if (kind === 'title') art.appendChild(el('h1', { class: 'doc-title' }, kids));
    else if (kind === 'date' || kind === 'byline') art.appendChild(el('p', { class: 'meta' }, kids));
    else if (kind === 'tags' || kind === 'topics') art.appendChild(el('p', { class: 'tags' }, kind + ': ', kids));
    else if (kind === 'comment') com.appendChild(el('div', { class: 'comment' },
      el('div', { class: 'author' }, s.author ? String(s.author) : 'reader'), el('p', {}, kids)));
    else art.appendChild(el('p', {}, kids));
  }
  show($('reader'), el('div', { class: 'doc-meta' }, el('b', {}, meta.name || ('document ' + id)),
    meta.url ? el('span', { class: 'muted' }, ' ' + meta.url) : null, meta.date ? el('span', { class: 'muted' }, ' · ' + meta.date) : null,
    meta.byline ? el('span', { class: 'muted' }, ' · ' + meta.byline) : null),
  art, com.childNodes.length ? el('section', { class: 'comments-box' }, el('h2', {}, 'Reader comments'), com) : null);
  const own = claims.filter((c) => c.origin !== 'comment'), fromCom = claims.filter((c) => c.origin === 'comment');
  show($('docclaims'), el('h2', {}, own.length + ' claim(s) in the article'), claimList(own),
    el('h2', {}, fromCom.length + ' claim(s) in reader comments'), claimList(fromCom, 'None.'));
  for (const row of $('docclaims').querySelectorAll('.claim')) {
    row.addEventListener('mouseenter', () => focusEvidence(row.dataset.claim, false));
    row.addEventListener('click', (ev) => { if (ev.target.tagName !== 'BUTTON' && ev.target.tagName !== 'A') focusEvidence(row.dataset.claim, true); });
  }
  if (params.claim) focusEvidence(params.claim, true);
}

function focusEvidence(id, scroll) {
  for (const m of $('reader').querySelectorAll('mark.focus')) m.classList.remove('focus');
  const marks = [...$('reader').querySelectorAll('mark.evidence')].filter((m) => m.dataset.claims.split(' ').includes(String(id)));
  for (const m of marks) m.classList.add('focus');
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center' });
}

/* ---- Add a document ---------------------------------------------------------- */

function ingest(body) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/api/documents');
    for (const [k, v] of Object.entries(writeHeaders(true))) x.setRequestHeader(k, v);
    const bar = $('a-progress');
    bar.hidden = false; bar.value = 0;
    x.upload.onprogress = (ev) => {
      if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total);
      $('a-stage').textContent = 'uploading ' + bar.value + '%';
    };
    x.upload.onload = () => { bar.value = 100; bar.removeAttribute('value'); $('a-stage').textContent = 'analysing: tagging, linking actors, extracting claims…'; };
    x.onload = () => {
      let j = null;
      try { j = JSON.parse(x.responseText); } catch (e) { j = null; }
      bar.hidden = true;
      if (x.status === 401) askToken();
      if (x.status >= 200 && x.status < 300) resolve(j);
      else reject(new Error((j && j.error) || ('HTTP ' + x.status)));
    };
    x.onerror = () => { bar.hidden = true; reject(new Error('network error')); };
    x.send(JSON.stringify(body));
  });
}

async function submitAdd(ev) {
  ev.preventDefault();
  const text = $('a-text').value;
  if (!text.trim()) { status('Paste a text or choose a file first.', 'error'); return; }
  if (!state.csrf) await session();
  $('a-submit').disabled = true;
  clear($('addresult'));
  try {
    const j = await ingest({ name: $('a-name').value.trim() || 'pasted.txt', text, format: $('a-format').value || undefined });
    $('a-stage').textContent = 'done';
    const docs = list(j, 'documents');
    const box = el('div', { class: 'added' });
    for (const d of docs.length ? docs : [j]) {
      const claims = list(d.claims).map(claimOf);
      box.appendChild(el('h2', {}, (d.name || 'document') + ' → ',
        el('a', { href: '#/doc/' + encodeURIComponent(d.id) }, 'document ' + d.id),
        d.skipped ? el('span', { class: 'muted' }, ' (already stored: unchanged)') : null));
      for (const w of d.warnings || []) box.appendChild(el('p', { class: 'warning' }, w));
      box.appendChild(el('p', {}, claims.length + ' claim(s) extracted'));
      box.appendChild(claimList(claims));
    }
    show($('addresult'), box);
    status('Document added.', 'ok');
  } catch (e) {
    $('a-stage').textContent = '';
    status('Adding failed: ' + e.message, 'error');
    show($('addresult'), el('p', { class: 'error' }, e.message));
  } finally { $('a-submit').disabled = false; }
}

function pickFile() {
  const f = $('a-file').files[0];
  if (!f) return;
  if (f.size > 5 * 1024 * 1024) { status(f.name + ' is over 5 MB', 'error'); return; }
  const r = new FileReader();
  $('a-stage').textContent = 'reading ' + f.name + '…';
  r.onprogress = (ev) => { if (ev.lengthComputable) $('a-stage').textContent = 'reading ' + Math.round(100 * ev.loaded / ev.total) + '%'; };
  r.onload = () => {
    $('a-text').value = r.result;
    if (!$('a-name').value) $('a-name').value = f.name;
    $('a-stage').textContent = f.name + ': ' + f.size + ' bytes';
  };
  r.readAsText(f);
}

/* ---- Review: claims of an actor, merge ---------------------------------------- */

async function viewReview(p) {
  if (p.actor) $('r-actor').value = p.actor;
  if (!p.actor) return;
  try {
    const j = await api('claims', { actor: p.actor, limit: 500 });
    const claims = list(j, 'claims').map(claimOf);
    const open = claims.filter((c) => c.status === 'unreviewed').length;
    show($('revclaims'), el('p', {}, claims.length + ' claim(s), ' + open + ' not reviewed yet'), claimList(claims));
  } catch (e) { show($('revclaims'), el('p', { class: 'error' }, e.message)); }
}

async function submitMerge(ev) {
  ev.preventDefault();
  const into = $('m-into').dataset.id || $('m-into').value.trim(), from = $('m-from').dataset.id || $('m-from').value.trim();
  if (!into || !from) { status('Name both actors.', 'error'); return; }
  try {
    const j = await post('actors/merge', { into, from });
    show($('mergeresult'), el('p', { class: 'ok' }, 'Merged ' + from + ' into ', actorLink(ref(j.actor || j.into || into))));
    status('Merged.', 'ok');
  } catch (e) { status('Merge failed: ' + e.message, 'error'); show($('mergeresult'), el('p', { class: 'error' }, e.message)); }
}

/* ---- Write token -------------------------------------------------------------- */

function askToken() {
  $('authbox').hidden = false;
  $('authmsg').textContent = 'Writes need the token that dots serve printed' + (state.tokenFile ? ' (kept in ' + state.tokenFile + ')' : '') + '.';
  $('authtoken').focus();
}

async function useToken(tok) {
  state.token = tok.trim();
  const s = await session();
  if (s.authorized) {
    sessionStorage.setItem('dots-token', state.token);
    $('authbox').hidden = true;
    status('Token accepted: you can write.', 'ok');
  } else {
    sessionStorage.removeItem('dots-token');
    state.token = '';
    $('authmsg').textContent = 'That token was refused.';
  }
  authLabel(s.authorized);
}

function authLabel(ok) {
  $('auth').textContent = ok ? 'can write' : 'read-only';
  $('auth').classList.toggle('writer', !!ok);
}

/* ---- Router ------------------------------------------------------------------- */

function route() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const parts = path.split('/').map((x) => { try { return decodeURIComponent(x); } catch (e) { return x; } });
  const view = parts[0] || 'home';
  const known = ['home', 'actor', 'path', 'timeline', 'doc', 'add', 'review'];
  const v = known.includes(view) ? view : 'home';
  for (const k of known) $('view-' + k).hidden = k !== v;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === v);
  document.body.dataset.view = v;
  if (v === 'home') viewHome();
  else if (v === 'actor') viewActor(parts[1] || '');
  else if (v === 'path') viewPath(params);
  else if (v === 'timeline') viewTimeline(params);
  else if (v === 'doc') viewDoc(parts[1] || '', params);
  else if (v === 'review') viewReview(params);
}

function go(hash) { if (location.hash === hash) route(); else location.hash = hash; }

function init() {
  /* A token handed over in the fragment (#token=...) is taken and wiped from the URL. */
  const m = /(?:^#|[&?])token=([0-9a-f]{64})/.exec(location.hash);
  if (m) { sessionStorage.setItem('dots-token', m[1]); state.token = m[1]; history.replaceState(null, '', location.pathname + '#/'); }

  wireSuggest($('q'), $('suggest'), (a) => { $('q').value = ''; go('#/actor/' + encodeURIComponent(a.id)); }, true);
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    input.addEventListener('input', () => { delete input.dataset.id; });
    attachSuggest(input, () => {});
  }
  const sel = $('f-predicate');
  sel.appendChild(el('option', { value: '' }, 'all'));
  for (const p of PREDICATES) sel.appendChild(el('option', { value: p }, p));

  const val = (id) => $(id).dataset.id || $(id).value.trim();
  $('netfilter').addEventListener('submit', (ev) => { ev.preventDefault(); loadNetwork(); loadActorClaims(); });
  $('pathform').addEventListener('submit', (ev) => { ev.preventDefault(); go('#/path' + qs({ from: val('p-from'), to: val('p-to'), hops: $('p-hops').value })); });
  $('tlform').addEventListener('submit', (ev) => { ev.preventDefault(); go('#/timeline' + qs({ actor: val('t-actor'), with: val('t-with') })); });
  $('docform').addEventListener('submit', (ev) => { ev.preventDefault(); go('#/doc/' + encodeURIComponent($('d-id').value)); });
  $('revform').addEventListener('submit', (ev) => { ev.preventDefault(); go('#/review' + qs({ actor: val('r-actor') })); });
  $('addform').addEventListener('submit', submitAdd);
  $('a-file').addEventListener('change', pickFile);
  $('mergeform').addEventListener('submit', submitMerge);
  $('auth').addEventListener('click', askToken);
  $('authsave').addEventListener('click', () => useToken($('authtoken').value));
  $('authtoken').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') useToken($('authtoken').value); });

  window.addEventListener('hashchange', route);
  session().then((s) => authLabel(s.authorized)).catch(() => authLabel(false));
  route();
}

document.addEventListener('DOMContentLoaded', init);
