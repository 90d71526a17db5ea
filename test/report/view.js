// Opens an HTML report in Debian's Chromium (puppeteer-core, no network) as
// a reader would, and prints what the page shows, one `key: text` line each,
// for FileCheck: the summary, each finding's rendered text, then the same
// after choosing a rule in the filter. Screenshots go beside the report.
//
//   node view.js <report.html> <rule to filter on>
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const puppeteer = require('puppeteer-core');

const [report, rule] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

/** The rendered text of each visible finding, one line each. */
function visibleFindings(page) {
  return page.$$eval('.finding', (sections) => sections
    .filter((s) => s.offsetParent !== null)
    .map((s) => s.innerText.trim().replace(/\s*\n\s*/g, ' | ')));
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    defaultViewport: { width: 1200, height: 1400 },
  });
  try {
    const page = await browser.newPage();
    // A self-contained page: any request but the report itself fails it.
    page.on('request', (request) => {
      if (!request.url().startsWith('file:'))
        throw new Error(`the report fetched ${request.url()}`);
    });
    await page.goto(pathToFileURL(report).href);
    const shot = (name) => page.screenshot({
      path: path.join(path.dirname(report), name), fullPage: true });
    console.log(`summary: ${await page.$eval('p', (p) => p.innerText)}`);
    for (const finding of await visibleFindings(page))
      console.log(`finding: ${finding}`);
    await shot('report.png');
    await page.select('#rule-filter', rule);
    console.log(`filtered: ${await page.$eval('p', (p) => p.innerText)}`);
    for (const finding of await visibleFindings(page))
      console.log(`finding: ${finding}`);
    await shot('filtered.png');
    const table = await page.$$eval('table.diagnosis tr', (rows) =>
      rows.map((r) => r.innerText.trim().replace(/\s*\t\s*/g, ' | ')));
    for (const row of table) console.log(`diagnosis: ${row}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`view: ${error.message}`);
  process.exit(1);
});
