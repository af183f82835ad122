// `npm run bench`: each function's bundle size, each handler's import time in a fresh Node process (a
// stand-in for cold start), and the time `npm start` takes to be ready. Prints tables; no thresholds fail
// the run, but figures over target are marked.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePortEnvironment, handlerEnvironment } from '../functions/local/stack.ts';
import { EVENT_HANDLERS, FALLBACK_HANDLER, ROUTES } from '../functions/routes.ts';
import { bundleFunction } from '../infra/bundling.ts';
import { benchAgreementPdf, PDF_RUNS } from './agreements.ts';
import { withBuiltSite } from './built-site.ts';
import { benchLighthouse, LIGHTHOUSE_RUNS } from './lighthouse.ts';
import { measurePageWeight } from './page-weight.ts';
import { benchPeak, FLOOR_SECONDS, type Floor, ITEMS_PER_CARD, PEAK_CONCURRENCY } from './peak.ts';
import {
  benchReminders,
  PLAN_TARGET_MS,
  planningPasses,
  SEND_RATE_TOLERANCE,
  SUSTAIN_TARGET_S,
  sendingPasses,
} from './reminders.ts';
import { benchReview, CSV_TARGET_MS, LIST_P95_TARGET_MS } from './review.ts';
import { benchSubmissions } from './submissions.ts';

const BUNDLE_TARGET_BYTES = 250 * 1024;
const IMPORT_TARGET_MS = 150;
const IMPORT_RUNS = 15;
const REPO = new URL('..', import.meta.url).pathname;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function table(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('');
}

async function bundleSizes(outDir: string): Promise<Map<string, string>> {
  const handlers = [
    ...new Set([...ROUTES.map((route) => route.handler), FALLBACK_HANDLER, ...EVENT_HANDLERS]),
  ];
  const rows: string[][] = [];
  const files = new Map<string, string>();
  for (const name of handlers) {
    // Bundled and finished as the CDK does it (esbuild, the second minification, the data files beside).
    const outfile = await bundleFunction(name, join(outDir, name));
    const code = readFileSync(outfile);
    const gzipped = gzipSync(code, { level: 9 }).byteLength;
    rows.push([
      name,
      kb(code.byteLength),
      kb(gzipped),
      code.byteLength <= BUNDLE_TARGET_BYTES ? 'ok' : 'OVER',
    ]);
    files.set(name, outfile);
  }
  console.log(
    `Function bundles (esbuild, then UglifyJS; the AWS SDK inside but the SES, SQS and S3 clients, loaded on first use, from the Lambda runtime; target ≤ ${kb(BUNDLE_TARGET_BYTES)})`,
  );
  table(['function', 'minified', 'gzipped', 'target'], rows);
  return files;
}

function importTimes(files: Map<string, string>, outDir: string): void {
  const env = {
    ...process.env,
    ...handlerEnvironment({
      dynamodb: 'http://127.0.0.1:9',
      ses: 'http://127.0.0.1:9',
      s3: 'http://127.0.0.1:9',
      site: 'http://localhost',
    }),
    // The reminders planner refuses to start without its queue (on AWS the scheduling stack names it).
    REMINDERS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/reminders',
  };
  const probe = join(outDir, 'probe.mjs');
  writeFileSync(
    probe,
    'const start = performance.now();\nawait import(process.argv[2]);\nconsole.log(performance.now() - start);\n',
  );
  const rows: string[][] = [];
  for (const [name, file] of files) {
    const samples: number[] = [];
    for (let run = 0; run < IMPORT_RUNS; run += 1) {
      const result = spawnSync(process.execPath, [probe, file], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${name}: ${result.stderr}`);
      samples.push(Number(result.stdout.trim()));
    }
    const value = median(samples);
    rows.push([
      name,
      `${value.toFixed(1)} ms`,
      `${Math.min(...samples).toFixed(1)} ms`,
      value <= IMPORT_TARGET_MS ? 'ok' : 'OVER',
    ]);
  }
  console.log(
    `Handler import time in a fresh Node ${process.version} process (median of ${IMPORT_RUNS}; target ≤ ${IMPORT_TARGET_MS} ms)`,
  );
  table(['function', 'median', 'min', 'target'], rows);
}

async function startTime(): Promise<void> {
  const env = { ...process.env, ...(await freePortEnvironment()) };
  const started = performance.now();
  const child = spawn(process.execPath, ['functions/local/start.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/\[stack\]\s+ready in/.test(output)) resolve(performance.now() - started);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const stopping = performance.now();
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  console.log('Local stack (`npm start`: DynamoDB Local, SES emulator, demo data, API, Vite; target ≤ 20 s)');
  table(
    ['measure', 'value'],
    [
      ['start to ready', `${(ready / 1000).toFixed(1)} s`],
      ['Ctrl-C to all stopped', `${((performance.now() - stopping) / 1000).toFixed(1)} s`],
    ],
  );
}

const SITE_PAGES = {
  home: '/',
  'call page': '/nabory/liderzy-kooperacji-26',
  'card form': '/nabory/liderzy-kooperacji-26/zgloszenie',
  // What most clerks download for the form: they come from the call's page, whose code is then loaded.
  'card form, from the call page': {
    from: '/nabory/liderzy-kooperacji-26',
    to: '/nabory/liderzy-kooperacji-26/zgloszenie',
  },
  // The check page opened directly: the steps' code plus the pages after them, i.e. the whole form.
  'card form, check page': '/nabory/liderzy-kooperacji-26/zgloszenie/sprawdz',
};
/** The card form's whole cold visit, as a browser downloads it before the first step is usable. */
const FORM_BUDGET_BYTES = 40 * 1024;

async function site(): Promise<void> {
  await withBuiltSite(async (siteUrl) => {
    const weights = await measurePageWeight(siteUrl, SITE_PAGES);
    console.log(
      `Site weight: what Chromium downloads to show each page, opened directly unless said (gzipped; the card form's budget: HTML + CSS + JS ≤ ${kb(FORM_BUDGET_BYTES)}, the TERYT register apart)`,
    );
    table(
      [
        'page',
        'HTML + CSS + JS',
        'JavaScript',
        'JavaScript (Brotli)',
        'CSS',
        'HTML',
        'data (TERYT register)',
        'files',
      ],
      weights.map((weight) => [
        weight.page,
        kb(weight.html + weight.css + weight.javascript),
        // Bytes too: a budget of "not a byte more" is not read off one decimal of a kilobyte.
        `${kb(weight.javascript)} (${weight.javascript} B)`,
        kb(weight.javascriptBrotli),
        kb(weight.css),
        kb(weight.html),
        kb(weight.data),
        String(weight.files),
      ]),
    );
    const form = weights.find((weight) => weight.page === 'card form');
    const formTotal = form ? form.html + form.css + form.javascript : 0;
    console.log(
      formTotal > FORM_BUDGET_BYTES
        ? `\n!!! CARD FORM OVER BUDGET: ${kb(formTotal)} > ${kb(FORM_BUDGET_BYTES)} (HTML + CSS + JS, cold) !!!\n`
        : `Card form within budget: ${kb(formTotal)} of ${kb(FORM_BUDGET_BYTES)} (HTML + CSS + JS, cold).`,
    );
    const scores = await benchLighthouse(siteUrl, {
      'call page': SITE_PAGES['call page'],
      'card form': SITE_PAGES['card form'],
    });
    console.log(
      `Lighthouse, mobile profile (simulated slow 4G, 4× slower CPU), median of ${LIGHTHOUSE_RUNS} runs; targets: performance ≥ 95, accessibility 100`,
    );
    table(
      ['page', 'performance (median)', 'all runs', 'accessibility', 'FCP', 'LCP', 'TBT'],
      scores.map((score) => [
        score.page,
        String(score.performance),
        score.performanceRuns.join(' '),
        String(score.accessibility),
        `${score.firstContentfulPaintMs.toFixed(0)} ms`,
        `${score.largestContentfulPaintMs.toFixed(0)} ms`,
        `${score.totalBlockingTimeMs.toFixed(0)} ms`,
      ]),
    );
  });
}

async function submissions(): Promise<void> {
  const figures = await benchSubmissions();
  console.log(
    `Submissions on the local stack (${figures.clients} clients, each sending its card 3 times with one idempotency key, 2 at once)`,
  );
  table(
    ['measure', 'value'],
    [
      [
        'requests',
        `${figures.requests} (${Object.entries(figures.statuses)
          .map(([status, count]) => `${count} × ${status}`)
          .join(', ')})`,
      ],
      ['throughput', `${figures.throughput.toFixed(1)} requests/s over ${figures.seconds.toFixed(1)} s`],
      ['latency p50 / p95', `${figures.p50.toFixed(0)} ms / ${figures.p95.toFixed(0)} ms`],
      ['cards stored', `${figures.cards} for ${figures.gminasWithCard} gminas (expected ${figures.clients})`],
      [
        'e-mails sent',
        `${figures.emails} to ${figures.recipients} clerks, at most ${figures.mostToOne} each (expected ${figures.clients}, 1)`,
      ],
    ],
  );
}

/** `--peak` (every gmina of the register) or `--peak=N` (the first N gminas: a quick check). */
async function peak(gminas: number | undefined): Promise<void> {
  const figures = await benchPeak({ gminas });
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const ratio = figures.throughput / figures.floor.throughput;
  const floorRow = (floor: Floor) =>
    `${floor.throughput.toFixed(1)} transactions/s (${floor.requests} in ${FLOOR_SECONDS} s; p50/p95 ${ms(floor.p50)} / ${ms(floor.p95)})`;
  console.log(
    `Deadline peak on the local stack (${figures.gminas} gminas each send a card, ${PEAK_CONCURRENCY} at once, after ${figures.warmUpCards} cards to another call as a warm-up; the mail pipeline's sender at 14 e-mails/s; targets: all within 5 minutes, each confirmation once, throughput ≥ 50 % of the floor)`,
  );
  table(
    [
      'measure',
      'value',
      `DynamoDB Local floor (TransactWrite of ${ITEMS_PER_CARD} items, as a card's)`,
      'ratio',
    ],
    [
      [
        'submissions',
        `${figures.gminas} in ${figures.submitSeconds.toFixed(1)} s (${Object.entries(figures.statuses)
          .map(([status, count]) => `${count} × ${status}`)
          .join(', ')})`,
        `${figures.floor.requests} transactions`,
        '',
      ],
      [
        'throughput',
        `${figures.throughput.toFixed(1)} cards/s`,
        `${figures.floor.throughput.toFixed(1)} transactions/s`,
        `${(100 * ratio).toFixed(0)} % ${ratio >= 0.5 ? 'PASS' : '— BELOW THE 50 % TARGET'}`,
      ],
      [
        'latency p50 / p95',
        `${ms(figures.p50)} / ${ms(figures.p95)}`,
        `${ms(figures.floor.p50)} / ${ms(figures.floor.p95)}`,
        '',
      ],
      [
        "floor of 8 items (as measured before the call's check and the notice joined the transaction)",
        '',
        floorRow(figures.floor8),
        `${((100 * figures.throughput) / figures.floor8.throughput).toFixed(0)} %`,
      ],
      ['cards stored', `${figures.cards} (expected ${figures.gminas})`, '', ''],
      [
        'confirmations by outbox status',
        Object.entries(figures.outboxStatuses)
          .map(([status, count]) => `${count} ${status}`)
          .join(', '),
        '',
        '',
      ],
      [
        'confirmations',
        `${figures.confirmations} to ${figures.confirmedClerks} clerks, at most ${figures.mostToOne} each (expected ${figures.gminas}, 1); other mail ${figures.otherMail}`,
        '',
        '',
      ],
      [
        'last confirmation',
        `${figures.lastConfirmationSeconds.toFixed(1)} s after the first request (${figures.sendRate.toFixed(1)} e-mails/s)`,
        '',
        '',
      ],
    ],
  );
}

async function review(): Promise<void> {
  const figures = await benchReview();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const ratio = (value: number, floor: number) => `${(value / floor).toFixed(1)}×`;
  console.log(
    `Review lists on DynamoDB Local (${figures.cards} cards in one call, every gmina of Poland; the list on mazowieckie's ${figures.partitionCards}, through the real handler, one request in flight, warm; targets: list p95 ≤ ${LIST_P95_TARGET_MS} ms, CSV ≤ ${CSV_TARGET_MS / 1000} s)`,
  );
  table(
    ['measure', 'value', 'DynamoDB Local floor', 'ratio', 'target'],
    [
      [
        `list p50 (${figures.list.requests} requests: by score, a status, a search, powiat and kind, page 2)`,
        ms(figures.list.p50),
        `${ms(figures.listFloor.p50)} (bare Query of the partition, same projection)`,
        ratio(figures.list.p50, figures.listFloor.p50),
        '',
      ],
      [
        'list p95',
        ms(figures.list.p95),
        ms(figures.listFloor.p95),
        ratio(figures.list.p95, figures.listFloor.p95),
        figures.list.p95 <= LIST_P95_TARGET_MS ? 'ok' : 'OVER',
      ],
      [
        'list floor before gsi2list, p50 / p95',
        `${ms(figures.listFloorWhole.p50)} / ${ms(figures.listFloorWhole.p95)}`,
        `the same Query on gsi2 (whole cards: ${figures.cardBytes.whole.toFixed(0)} B each vs ${figures.cardBytes.slim.toFixed(0)} B in gsi2list)`,
        ratio(figures.list.p95, figures.listFloorWhole.p95),
        '',
      ],
      [
        `CSV export, all ${figures.cards} (lead; median, max)`,
        `${ms(figures.csv.median)}, ${ms(figures.csv.max)} (${figures.csv.rows} rows, ${(figures.csv.bytes / 1024).toFixed(0)} KB)`,
        `${ms(figures.csvFloor.median)} (the 16 partitions' Queries with scores)`,
        ratio(figures.csv.median, figures.csvFloor.median),
        figures.csv.max <= CSV_TARGET_MS ? 'ok' : 'OVER',
      ],
    ],
  );
}

async function agreements(): Promise<void> {
  const figures = await benchAgreementPdf();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (name: string, timing: typeof figures.document, floor?: typeof figures.document) => [
    name,
    ms(timing.median),
    `${ms(timing.min)} – ${ms(timing.max)}`,
    kb(timing.bytes),
    floor ? `${(timing.median / floor.median).toFixed(1)}×` : '',
  ];
  console.log(
    `Agreement PDF rendering in process, warm (median of ${PDF_RUNS} after a warm-up; the text of a three-party agreement, ${figures.characters} characters, ${figures.pages} pages; DejaVu Sans embedded as a subset)`,
  );
  table(
    ['render', 'median', 'min – max', 'size', 'vs. font floor'],
    [
      row('the document signed (agreementPdf)', figures.document, figures.fontFloor),
      row(
        'the final record: pages copied, signature page, trail, PAdES seal',
        figures.final,
        figures.fontFloor,
      ),
      row('floor: one line in the same subset fonts', figures.fontFloor),
      row('floor: pdf-lib saving an empty document', figures.emptyFloor),
    ],
  );
}

async function reminders(quick: boolean): Promise<void> {
  const { planning, sending } = await benchReminders({ quick });
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const { planner } = planning;
  const planOk = planningPasses(planning);
  console.log(
    `Reminders planned on DynamoDB Local${quick ? ' (quick: every tenth gmina)' : ''}: ${planning.cards} gminas selected over ${planning.wojewodztwa} voivodeships' calls, each card naming 3 addresses (contact, OPS, PCPR), a coordinator per voivodeship, ${planning.deadlines} deadlines due at one run (4 milestone edges, 6 custom); the planner in a child process, warm table (target ≤ ${PLAN_TARGET_MS / 1000} s)`,
  );
  table(
    ['measure', 'value', 'DynamoDB Local floor', 'ratio', 'target'],
    [
      [
        'planning run (sync deadlines, find due sends, resolve every recipient, queue one message each)',
        `${(planner.plannedMs / 1000).toFixed(2)} s`,
        `${(planning.floorMs / 1000).toFixed(2)} s (the ${planning.floorItems} selected cards' partitions read bare, each once)`,
        `${(planner.plannedMs / planning.floorMs).toFixed(1)}×`,
        planner.plannedMs <= PLAN_TARGET_MS ? 'ok' : 'OVER',
      ],
      [
        'messages queued (distinct deadline, offset, address)',
        `${planner.messages} (${planner.distinct} distinct, ${planner.queued} in the queue)`,
        '',
        '',
        `${planning.expectedMessages}`,
      ],
      ['deadlines due', String(planner.deadlinesDue), '', '', String(planning.deadlines)],
      [
        "planner's memory: resident before planning → peak (maxRSS); V8 heap peak",
        `${mb(planner.rssBeforeBytes)} → ${mb(planner.maxRssBytes)}; heap ${mb(planner.heapPeakBytes)}`,
        '',
        '',
        '',
      ],
      [
        'seeding (BatchWrite of the cards, 25 a request)',
        `${planning.seedItems} cards in ${planning.seedSeconds.toFixed(1)} s (${(planning.seedItems / planning.seedSeconds).toFixed(0)} items/s)`,
        '',
        '',
        '',
      ],
    ],
  );
  console.log(`Reminder planning: ${planOk ? 'PASS' : 'FAIL'}\n`);
  const { paced, floor } = sending;
  const sendOk = sendingPasses(paced);
  console.log(
    `Reminders sent through the SES emulator by ${sending.senders} copies of the send-reminders handler module (child processes fed batches of 10 as Lambda's SQS event source does), REMINDER_SEND_RATE = ${paced.rate}/s; every twentieth message delivered twice; rate from when each send left for SES, after a ${sending.warmUpSeconds} s warm-up (targets: within ${SEND_RATE_TOLERANCE * 100} % of ${paced.rate}/s, sustained ≥ ${SUSTAIN_TARGET_S} s, no e-mail doubled or missing)`,
  );
  const row = (name: string, figures: typeof paced) => [
    name,
    `${figures.queued - figures.duplicatesQueued} + ${figures.duplicatesQueued} again`,
    `${figures.achieved.toFixed(2)}/s over ${figures.sustainedSeconds.toFixed(1)} s (all in ${figures.seconds.toFixed(1)} s)`,
    String(figures.peakPerSecond),
    `${figures.emails} of ${figures.expected}; ${figures.doubled} doubled, ${figures.missing} missing${
      figures.missing
        ? ` (${Object.entries(figures.missingRecords)
            .map(([status, count]) => `${count} ${status}`)
            .join(', ')})`
        : ''
    }`,
    `${figures.batches} batches, ${figures.failures} failed, ${figures.deadLetters} dead`,
  ];
  table(
    ['run', 'messages', 'achieved rate', 'most in any 1 s', 'e-mails in the emulator', 'queue'],
    [row(`limited to ${paced.rate}/s`, paced), row('floor: the same senders, no limit', floor)],
  );
  console.log(
    `Rate ${(paced.achieved / paced.rate).toFixed(3)}× the limit; the unlimited senders reach ${(floor.achieved / paced.rate).toFixed(1)}× it on this machine.`,
  );
  // A floor near the limit means the machine, not the sender, set the pace of this run.
  const starved = floor.achieved < paced.rate * 1.5;
  console.log(
    `Reminder sending: ${sendOk ? 'PASS' : 'FAIL'}${
      !sendOk && starved
        ? ` (the machine was starved: unlimited, the same senders reached only ${floor.achieved.toFixed(1)}/s in this run)`
        : ''
    }\n`,
  );
}

// Inside the repository (git-ignored .local/) so what the bundles leave to the Lambda runtime (the SES
// client) resolves from its node_modules.
mkdirSync(join(REPO, '.local'), { recursive: true });
const outDir = mkdtempSync(join(REPO, '.local', 'bench-'));
try {
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString()}\n`,
  );
  // `npm run bench -- --functions` measures only the bundles and their import times; `-- --site` only the
  // built site (its weight and Lighthouse); `-- --review` only the review lists on DynamoDB Local;
  // `-- --agreements` only the rendering of an agreement's PDF; `-- --reminders` only the reminders' planning
  // and sending (with `--quick`, a tenth of the load, for a check at CI speed); `-- --peak[=N]` only the
  // deadline peak (every gmina of the register, or the first N for a quick check).
  const peakArg = process.argv.find((arg) => arg === '--peak' || arg.startsWith('--peak='));
  const only = peakArg
    ? 'peak'
    : ['functions', 'site', 'review', 'agreements', 'reminders'].find((part) =>
        process.argv.includes(`--${part}`),
      );
  const quick = process.argv.includes('--quick');
  if (only === 'peak') await peak(peakArg?.includes('=') ? Number(peakArg.split('=')[1]) : undefined);
  else if (only === 'review') await review();
  else if (only === 'agreements') await agreements();
  else if (only === 'reminders') await reminders(quick);
  else if (only !== 'site') {
    const files = await bundleSizes(outDir);
    importTimes(files, outDir);
  }
  if (!only) {
    await startTime();
    await submissions();
    await review();
    await agreements();
    await reminders(quick);
  }
  if (!only || only === 'site') await site();
  // The deadline peak (`--peak`) runs only when asked: minutes of sending at SES's rate.
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
