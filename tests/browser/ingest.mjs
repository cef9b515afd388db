// tests/browser/ingest.mjs URL TOKEN FILE... -- add documents to a running
// dots serve through POST /api/documents, as the page does; prints each
// document's id and claim count. Used by tests/test_browser.sh and bench/api.sh.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [url, token, ...files] = process.argv.slice(2);
if (!url || !token) { console.error('usage: ingest.mjs URL TOKEN FILE...'); process.exit(2); }
let bad = 0;
for (const f of files) {
  const r = await fetch(url + '/api/documents', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: basename(f), text: readFileSync(f, 'utf8') }),
  });
  const j = await r.json();
  if (r.status !== 201) { bad++; console.error(`${f}: ${r.status} ${j.error}`); continue; }
  console.log(`${basename(f)}: document ${j.id}, ${(j.claims || []).length} claims`);
}
process.exit(bad ? 1 : 0);
