// Converts the sample graph's JSON-LD to RDF with jsonld.js in safe mode
// (which throws instead of dropping anything it cannot interpret) and checks
// an rdf:type triple per entity, a direct triple per relation other than
// coOccurs, and an assertion with its evidence per relation.
//
// usage: node check_jsonld.mjs MAKE_GRAPH_EXE WORK_DIR
// Fails with a clear message when jsonld.js is not installed
// (npm ci --prefix tests/consumers).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const KG = 'https://kg.example.org/vocab#';
const KGID = 'https://kg.example.org/id/';
const SCHEMA = 'https://schema.org/';

const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

let jsonld;
try {
  jsonld = (await import('jsonld')).default;
} catch (err) {
  console.error('check_jsonld.mjs: FAIL: jsonld.js is not installed; run ' +
                '`npm ci --prefix tests/consumers` (' + err.message + ')');
  process.exit(1);
}

const [exe, workDir] = process.argv.slice(2);
if (!exe || !workDir) {
  console.error('usage: node check_jsonld.mjs MAKE_GRAPH_EXE WORK_DIR');
  process.exit(2);
}
mkdirSync(workDir, { recursive: true });
execFileSync(exe, [workDir], { stdio: 'inherit' });
const expected = JSON.parse(readFileSync(join(workDir, 'expected.json'), 'utf8'));
const doc = JSON.parse(readFileSync(join(workDir, 'graph.jsonld'), 'utf8'));

check(typeof doc['@context'] === 'object' && !Array.isArray(doc['@context']), 'no inline @context object');
check(Array.isArray(doc['@graph']), 'no @graph array');

// Safe mode must be on for this check to mean anything: a term the
// context does not define must make toRDF throw.
let unsafeRejected = false;
try {
  await jsonld.toRDF({ '@context': doc['@context'], '@id': 'kgid:x', undefinedTerm: 'x' }, { safe: true });
} catch (err) {
  unsafeRejected = true;
}
check(unsafeRejected, 'safe mode did not reject an undefined term (is safe mode working?)');

let quads = [];
try {
  quads = await jsonld.toRDF(doc, { safe: true });
} catch (err) {
  console.error('check_jsonld.mjs: FAIL: toRDF in safe mode rejected the document: ' +
                (err.details ? JSON.stringify(err.details).slice(0, 500) : err.message));
  process.exit(1);
}
check(quads.length > 0, 'toRDF produced no triples');

const has = (s, p, o) => quads.some(q => q.subject.value === s && q.predicate.value === p && q.object.value === o);
const objects = (s, p) => quads.filter(q => q.subject.value === s && q.predicate.value === p).map(q => q.object);

const schemaType = {
  Place: 'Place', Firm: 'Corporation', Lab: 'ResearchOrganization', University: 'CollegeOrUniversity',
  GovernmentBody: 'GovernmentOrganization', Organization: 'Organization', Person: 'Person', Product: 'Product',
};
for (const node of expected.nodes) {
  const iri = KGID + node.id;
  check(has(iri, RDF_TYPE, KG + node.type), `${node.label}: no rdf:type kg:${node.type}`);
  if (schemaType[node.type]) {
    check(has(iri, RDF_TYPE, SCHEMA + schemaType[node.type]), `${node.label}: no rdf:type schema:${schemaType[node.type]}`);
  } else {
    check(objects(iri, RDF_TYPE).some(o => o.value.startsWith(SCHEMA)), `${node.label}: no schema.org type`);
  }
  if (node.type === 'Place') check(has(iri, RDF_TYPE, SCHEMA + 'AdministrativeArea'), `${node.label}: not an AdministrativeArea`);
  check(has(iri, SCHEMA + 'name', node.label), `${node.label}: schema:name missing or different`);
  for (const alias of node.aliases) {
    if (alias !== node.label) check(has(iri, SCHEMA + 'alternateName', alias), `${node.label}: alias ${alias} missing`);
  }
}

const assertions = quads.filter(q => q.predicate.value === RDF_TYPE && q.object.value === KG + 'Assertion')
  .map(q => q.subject.value);
check(assertions.length === expected.edges.length,
      `${assertions.length} kg:Assertion nodes, expected ${expected.edges.length}`);
let direct = 0;
for (const edge of expected.edges) {
  const s = KGID + edge.source, o = KGID + edge.target, p = KG + edge.type;
  if (edge.type !== 'coOccurs') {
    direct += 1;
    check(has(s, p, o), `no direct triple ${edge.source} kg:${edge.type} ${edge.target}`);
  } else {
    check(!has(s, p, o) && !has(o, p, s), `coOccurs ${edge.source}-${edge.target} has a direct triple`);
  }
  const a = assertions.find(x => has(x, KG + 'subject', s) && has(x, KG + 'predicate', p) && has(x, KG + 'object', o));
  check(a, `no assertion for ${edge.source} kg:${edge.type} ${edge.target}`);
  if (!a) continue;
  const weight = objects(a, KG + 'weight');
  check(weight.length === 1 && weight[0].datatype.value.endsWith('#double') && Number(weight[0].value) === edge.weight,
        `assertion ${a}: weight ${JSON.stringify(weight)} != ${edge.weight}`);
  const evidence = objects(a, KG + 'evidence');
  check(evidence.length === edge.evidence_count, `assertion ${a}: ${evidence.length} evidence, expected ${edge.evidence_count}`);
  for (const ev of evidence) {
    for (const field of ['document', 'sentence', 'text', 'byteStart', 'byteEnd', 'charStart', 'charEnd', 'confidence'])
      check(objects(ev.value, KG + field).length === 1, `evidence of ${a} has no kg:${field}`);
  }
}
const directCount = quads.filter(q => q.predicate.value.startsWith(KG) && q.subject.value.startsWith(KGID) &&
  q.object.termType === 'NamedNode' && q.object.value.startsWith(KGID) &&
  !['subject', 'object'].includes(q.predicate.value.slice(KG.length))).length;
check(directCount === direct, `${directCount} direct relation triples, expected ${direct}`);

if (failures.length) {
  for (const f of failures) console.error('FAIL: ' + f);
  process.exit(1);
}
console.log(`ok: jsonld.js toRDF (safe) gave ${quads.length} triples; ${expected.nodes.length} entities, ${direct} direct relations`);
