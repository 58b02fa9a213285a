// Validates HL7 FHIR R4 resources (here: the bundles Alliance Tracker exports) with the npm package
// `fhir`, independent of the program's own code. Prints every error and the number of warnings;
// exits 1 when a file does not parse or any error or fatal message is reported.
//   node validate.js FILE.json...
'use strict';
const fs = require('fs');
const {Fhir} = require('fhir');

const fhir = new Fhir(); // R4 structure definitions
let failed = 0;
for (const file of process.argv.slice(2)) {
    let resource;
    try {
        resource = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
        console.log(`${file}: not JSON: ${e.message}`);
        failed++;
        continue;
    }
    const result = fhir.validate(resource, {errorOnUnexpected: true});
    const errors = result.messages.filter(m => m.severity === 'error' || m.severity === 'fatal');
    const warnings = result.messages.filter(m => m.severity === 'warning');
    const entries = Array.isArray(resource.entry) ? resource.entry.length : 0;
    for (const e of errors)
        console.log(`${file}: ${e.severity}: ${e.resourceId || ''} ${e.location || ''}: ${e.message}`);
    console.log(`${file}: ${result.valid && errors.length === 0 ? 'valid' : 'INVALID'} FHIR R4 ` +
                `${resource.resourceType} (${entries} entries, ${errors.length} errors, ` +
                `${warnings.length} warnings)`);
    if (!result.valid || errors.length > 0)
        failed++;
}
process.exit(failed ? 1 : 0);
