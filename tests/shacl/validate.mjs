// Validate RDF files against SHACL shapes with rdf-validate-shacl.
// Usage: node validate.mjs SHAPES.ttl DATA... (Turtle, N-Triples or N-Quads,
// by extension). Prints each violation on one line; exit 1 when any.
import { readFileSync } from 'node:fs';
import N3 from 'n3';
import rdf from 'rdf-ext';
import SHACLValidator from 'rdf-validate-shacl';

function load(path) {
  const format = path.endsWith('.nt') ? 'N-Triples' : path.endsWith('.nq') ? 'N-Quads' : 'Turtle';
  const quads = new N3.Parser({ format }).parse(readFileSync(path, 'utf8'));
  // shapes apply to the union of all graphs: drop the graph names
  return rdf.dataset(quads.map((q) => rdf.quad(q.subject, q.predicate, q.object)));
}

const [shapesPath, ...dataPaths] = process.argv.slice(2);
if (!shapesPath || dataPaths.length === 0) {
  console.error('usage: node validate.mjs SHAPES.ttl DATA...');
  process.exit(2);
}
const validator = new SHACLValidator(load(shapesPath), { factory: rdf });
let failed = 0;
for (const path of dataPaths) {
  const report = await validator.validate(load(path));
  for (const r of report.results) {
    const value = r.value ? ` value ${r.value.value}` : '';
    const msg = r.message.map((m) => m.value).join('; ');
    console.log(`${path}: ${r.focusNode.value} ${r.path ? r.path.value : ''}${value}: ${msg}`);
  }
  console.log(`${path}: ${report.conforms ? 'conforms' : `${report.results.length} violation(s)`}`);
  if (!report.conforms) failed = 1;
}
process.exit(failed);
