// tests/browser/workbench.mjs -- drive the workbench in headless Chromium and
// check what an analyst does: search, open an actor (graph drawn), find the
// path Iran -> Taliban and open its evidence, draw a timeline, add a document
// and see its claims, review a claim, and open a hostile document whose markup
// must stay text. Env: DOTS_URL (server), DOTS_TOKEN (write token),
// SHOTS (directory for screenshots, optional), CHROMIUM (default /usr/bin/chromium).
// playwright-core comes from web/node_modules (npm ci in web/); its own browser
// download is not used: Debian's chromium is.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = process.env.DOTS_URL;
const TOKEN = process.env.DOTS_TOKEN;
const SHOTS = process.env.SHOTS || '';
if (!BASE || !TOKEN) { console.error('workbench.mjs: set DOTS_URL and DOTS_TOKEN'); process.exit(2); }

let failures = 0, passed = 0;
const t0 = Date.now();
function check(ok, what) {
  const at = ((Date.now() - t0) / 1000).toFixed(1) + 's';
  if (ok) { passed++; console.log('ok   ' + what + '  [' + at + ']'); }
  else { failures++; console.log('FAIL ' + what); }
}

const profile = mkdtempSync(join(tmpdir(), 'dots-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 860 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = ctx.pages()[0] || await ctx.newPage();
page.setDefaultTimeout(15000);
const consoleErrors = [], dialogs = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });

async function shot(name, height) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const png = await page.screenshot({ type: 'png', fullPage: !!height,
                                      clip: height ? { x: 0, y: 0, width: 1280, height } : undefined });
  writeFileSync(join(SHOTS, name), png);
}

async function apiPost(path, body) {
  const r = await fetch(BASE + path, { method: 'POST', headers: { Authorization: 'Bearer ' + TOKEN,
    'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

try {
  // ---- the page loads under its CSP, with the write token from the fragment
  await page.goto(BASE + '/#token=' + TOKEN);
  await page.waitForSelector('#stats dt');
  check(!(await page.url()).includes(TOKEN), 'token is wiped from the URL');
  await page.waitForFunction(() => document.getElementById('auth').textContent === 'can write');
  check(true, 'page accepts the write token');

  // ---- the page's own helpers: UTF-8 byte offsets to string indexes, ISO times to years
  const helpers = await page.evaluate(() => {
    const at = byteIndex('a\u2019b\u{1F600}c');     // a ’ b 😀 c: 1 + 3 + 1 + 4 + 1 bytes
    return { offs: [0, 1, 4, 5, 9, 10].map(at), open: timeSpan('2006/..'),
             month: timeSpan('2010-08'), none: timeSpan('soon') };
  });
  check(JSON.stringify(helpers.offs) === '[0,1,2,3,5,6]', `byte offsets map to string indexes (${helpers.offs})`);
  check(helpers.open[0] === 2006 && helpers.open[1] === null && Math.abs(helpers.month[0] - 2010.583) < 0.01 &&
        helpers.none === null, 'ISO dates and open intervals are read');

  // ---- search with suggestions, open an actor
  await page.fill('#q', 'Talib');
  await page.waitForSelector('#suggest li');
  const sugg = await page.textContent('#suggest');
  check(/Taliban/.test(sugg), 'suggestions offer Taliban for "Talib"');
  await page.click('#suggest li >> text=Taliban');
  await page.waitForSelector('#profile h1');
  check(/Taliban/.test(await page.textContent('#profile h1')), 'actor view shows the Taliban');
  await page.waitForFunction(() => Number(document.getElementById('graph').dataset.nodes || 0) > 1);
  const nodes = Number(await page.getAttribute('#graph', 'data-nodes'));
  check(nodes > 1, `network graph drawn (${nodes} nodes)`);
  check(await page.locator('#graph canvas').count() > 0, 'cytoscape drew on a canvas');
  await page.waitForSelector('#actorclaims .claim');
  const csvHref = await page.getAttribute('#profile a.export[data-format=csv]', 'href');
  const csv = await fetch(BASE + csvHref);
  check(csv.status === 200 && /text\/csv/.test(csv.headers.get('content-type')) &&
        (await csv.text()).startsWith('claim_id,'), `the export link serves CSV (${csvHref})`);
  if (process.env.DOTS_LISTS === '1')
    check(/TALIBAN/.test(await page.textContent('#sanctions')), 'the sanctions entry of the Taliban is shown');
  // an edge opens its claims; a node can be expanded (the page keeps its graph in state.cy)
  await page.evaluate(() => { state.cy.edges()[0].emit('tap'); });   // return nothing: a collection would be serialized
  await page.waitForSelector('#graphside .claim');
  check(true, 'clicking an edge lists its claims');
  await page.evaluate(() => { state.cy.nodes().filter((n) => !n.hasClass('center'))[0].emit('tap'); });
  await page.click('#graphside button.expand');
  await page.waitForFunction((n) => Number(document.getElementById('graph').dataset.nodes) >= n, nodes);
  check(true, `expanding a node keeps or grows the graph (${await page.getAttribute('#graph', 'data-nodes')} nodes)`);
  await shot('actor.png', 1180);

  // ---- path Iran -> Taliban with its evidence
  await page.goto(BASE + '/#/path?from=Iran&to=Taliban&hops=3');
  await page.waitForSelector('#paths .path');
  const npaths = await page.locator('#paths .path').count();
  check(npaths > 0, `path finder finds ${npaths} path(s) Iran -> Taliban`);
  await page.click('#paths .path .edge');
  await page.waitForSelector('#paths .path-evidence .claim');
  const ev = await page.textContent('#paths .path-evidence');
  check(ev.length > 20, 'an edge opens its evidence sentences');
  check(await page.locator('#paths .path-evidence a.doclink').count() > 0, 'evidence links to its document');
  await shot('path.png');

  // ---- timeline chart
  await page.goto(BASE + '/#/timeline?actor=Iran');
  await page.waitForSelector('#tlchart svg.timeline circle, #tlchart p');
  const marks = await page.locator('#tlchart svg.timeline circle').count();
  check(marks > 0, `timeline draws ${marks} dated claim(s) of Iran`);
  await shot('timeline.png');

  // ---- add a document through the page, see its claims
  await page.goto(BASE + '/#/add');
  await page.fill('#a-name', 'browser-added.txt');
  await page.fill('#a-text', 'Browser test report\n\nThe Treasury Department said that Iran ' +
    'funded the Taliban in 2012. Iran has supplied weapons to the Taliban since 2007, ' +
    'according to the State Department.\n');
  await page.click('#a-submit');
  await page.waitForSelector('#addresult .added');
  const added = await page.textContent('#addresult');
  check(/document \d+/.test(added), 'the added document gets an id');
  const nclaims = await page.locator('#addresult .claim').count();
  check(nclaims > 0, `its claims appear (${nclaims})`);

  // ---- review claims from the page: confirm one, correct another
  await page.goto(BASE + '/#/review?actor=Taliban');
  await page.waitForSelector('#revclaims .claim');
  const ids = await page.$$eval('#revclaims .claim', (rows) => rows.map((r) => r.dataset.claim));
  check(ids.length > 0, `review lists ${ids.length} claim(s) of the Taliban`);
  await page.click(`#revclaims .claim[data-claim="${ids[0]}"] button.confirm`);
  await page.waitForSelector(`#revclaims .claim[data-claim="${ids[0]}"].status-confirmed`);
  check(/confirmed/.test(await page.textContent(`#revclaims .claim[data-claim="${ids[0]}"]`)),
        `claim ${ids[0]} is marked confirmed`);
  if (ids.length > 1) {
    const row = `#revclaims .claim[data-claim="${ids[1]}"]`;
    await page.click(`${row} button.correct`);
    await page.selectOption(`${row} .correct-form select[name=predicate]`, 'supports');
    await page.click(`${row} .correct-form button[type=submit]`);
    await page.waitForSelector(`#revclaims .claim[data-claim="${ids[1]}"].status-corrected`);
    check(true, `claim ${ids[1]} corrected to supports`);
  }
  const stored = await (await fetch(`${BASE}/api/claims?actor=Taliban&limit=500`)).json();
  const byId = Object.fromEntries((stored.claims || []).map((c) => [String(c.id), c]));
  check(byId[ids[0]] && byId[ids[0]].status === 'confirmed', 'the confirmation is stored');
  if (ids.length > 1)
    check(byId[ids[1]] && byId[ids[1]].status === 'corrected' && byId[ids[1]].predicate === 'supports',
          'the correction is stored');
  await page.goto(BASE + '/#/actor/Taliban');
  await page.waitForSelector('#actorclaims .claim.status-confirmed');
  check(true, 'reviewed claims are marked in the actor view');

  // ---- a cross-origin style write without the CSRF header is refused
  const forged = await page.evaluate(async () => {
    const r = await fetch('/api/actors/merge', { method: 'POST', headers: { 'Content-Type': 'application/json',
      Authorization: 'Bearer ' + sessionStorage.getItem('dots-token') }, body: '{"into":"a","from":"b"}' });
    return r.status;
  });
  check(forged === 403, `a page write without X-CSRF-Token is refused (${forged})`);

  // ---- a hostile document stays text
  const hostile = 'Hostile page <script>window.__dotsPwned = 1; alert("script")</script>\n\n' +
    'Iran armed the Taliban <img src=x onerror="window.__dotsPwned2 = 1; alert(2)"> in 2009. ' +
    '<svg onload="window.__dotsPwned3=1"></svg> <a href="javascript:window.__dotsPwned4=1">link</a>\n';
  const put = await apiPost('/api/documents', { name: 'hostile.txt', text: hostile, format: 'text' });
  check(put.status === 201, 'hostile document ingested');
  await page.goto(BASE + '/#/doc/' + put.body.id);
  await page.waitForSelector('#reader .article');
  await page.waitForTimeout(500);
  const pwned = await page.evaluate(() => [window.__dotsPwned, window.__dotsPwned2, window.__dotsPwned3, window.__dotsPwned4]);
  check(pwned.every((x) => x === undefined), 'no script from the document ran');
  check(dialogs.length === 0, 'no dialog opened');
  check((await page.textContent('#reader')).includes('<script>'), 'the markup is shown as text');
  check(await page.locator('#reader img, #reader script, #reader svg').count() === 0, 'no element was made from it');

  // ---- the reader on a real article
  const first = await (await fetch(BASE + '/api/documents/1')).json();
  await page.goto(BASE + '/#/doc/1');
  await page.waitForSelector('#reader .article');
  check((await page.locator('#reader .mention').count()) > 0 || (first.mentions || []).length === 0,
        'actors are highlighted in the reader');
  const evm = await page.locator('#reader mark.evidence').count();
  check(evm > 0 || (first.claims || []).length === 0, `evidence is marked (${evm})`);
  const ncom = (first.segments || []).filter((g) => g.kind === 'comment').length;
  const shown = await page.locator('#reader .comments-box .comment').count();
  check(shown === ncom, `reader comments shown apart (${shown} of ${ncom})`);
  const fromComments = (first.claims || []).filter((c) => c.origin === 'comment').length;
  check((await page.textContent('#docclaims')).includes(`${fromComments} claim(s) in reader comments`),
        `claims from comments listed apart (${fromComments})`);
  await shot('reader.png', 600);   // text compresses badly: keep the PNG under 200 KB

  const csp = consoleErrors.filter((e) => /Content Security Policy|Refused to/.test(e));
  check(csp.length === 0, 'no CSP violation' + (csp.length ? ': ' + csp[0] : ''));
  const other = consoleErrors.filter((e) => !/Content Security Policy|Refused to|Failed to load resource/.test(e));
  check(other.length === 0, 'no script error' + (other.length ? ': ' + other[0] : ''));
} catch (e) {
  failures++;
  console.log('FAIL ' + (e && e.stack ? e.stack.split('\n')[0] : e));
  await shot('failure.png').catch(() => {});
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
