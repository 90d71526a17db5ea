#!/usr/bin/env node
// validate.js <schema.json> <log.sarif>
//
// Validates a SARIF log against the SARIF 2.1.0 JSON schema (draft-07) with
// ajv, formats (uri, uri-reference, date-time) checked by ajv-formats.
// Prints every error and exits 1 if there is one.
'use strict';

const fs = require('fs');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

if (process.argv.length !== 4) {
  console.error('usage: validate.js <schema.json> <log.sarif>');
  process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const log = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));

const ajv = new Ajv({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(schema);
if (validate(log)) {
  console.log('valid SARIF 2.1.0: ' + process.argv[3]);
  process.exit(0);
}
for (const error of validate.errors)
  console.log(`invalid: ${error.instancePath || '/'} ${error.message}` +
              ` ${JSON.stringify(error.params)}`);
process.exit(1);
