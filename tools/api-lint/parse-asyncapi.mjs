// Parses and validates an AsyncAPI document with @asyncapi/parser (the pinned version in package-lock.json) and prints
// what the contract tests assert on: the diagnostics, and the channels and messages the parser found.
// Usage: node parse-asyncapi.mjs <document.json>; exits 1 when the document does not parse or has an error.
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const text = await readFile(process.argv[2], 'utf8');
const { document, diagnostics } = await new Parser().parse(text);
const severities = ['error', 'warning', 'information', 'hint'];
const report = {
  parsed: document !== undefined,
  version: document?.version(),
  diagnostics: diagnostics.map(d => ({ severity: severities[d.severity] ?? String(d.severity), code: d.code, message: d.message, path: d.path.join('/') })),
  channels: document ? document.channels().all().map(c => c.address()) : [],
  messages: document
    ? document.channels().all().flatMap(c => c.messages().all().map(m => ({ name: m.name(), channel: c.address(), headers: m.hasHeaders(), payload: m.hasPayload() })))
    : [],
};
console.log(JSON.stringify(report));
process.exit(report.parsed && !report.diagnostics.some(d => d.severity === 'error') ? 0 : 1);
