// Collecting samples per metric and rendering them as Markdown: median, min and max.

export class Samples {
  constructor() {
    this.metrics = new Map();
  }

  /** Declares a metric so it keeps its place in the table even before (or without) samples. */
  define(name, { unit, note = '' }) {
    if (!this.metrics.has(name)) this.metrics.set(name, { unit, note, values: [] });
  }

  add(name, value) {
    const metric = this.metrics.get(name);
    if (!metric) throw new Error(`undeclared metric: ${name}`);
    if (Number.isFinite(value)) metric.values.push(value);
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const FORMATS = {
  ms: (value) => `${value.toFixed(value < 100 ? 1 : 0)} ms`,
  KiB: (value) => `${(value / 1024).toFixed(1)} KiB`,
  MiB: (value) => `${(value / 1024 / 1024).toFixed(2)} MiB`,
  B: (value) => `${Math.round(value).toLocaleString('en-US')} B`,
  count: (value) => `${Math.round(value).toLocaleString('en-US')}`,
};

export function format(value, unit) {
  return FORMATS[unit](value);
}

export function metricsTable(samples) {
  const lines = ['| Metric | Median | Min | Max | Runs | Notes |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const [name, { unit, note, values }] of samples.metrics) {
    if (values.length === 0) {
      lines.push(`| ${name} | n/a | n/a | n/a | 0 | ${note} |`);
      continue;
    }
    const cells = [median(values), Math.min(...values), Math.max(...values)].map((value) => format(value, unit));
    lines.push(`| ${name} | ${cells.join(' | ')} | ${values.length} | ${note} |`);
  }
  return lines.join('\n');
}

/** The page weight by kind, raw, gzip -9 and brotli q11, and the total against `budgets`. */
export function weightTable({ rows, total }, budgets) {
  const lines = ['| Files | Count | Raw | gzip -9 | brotli q11 |', '| --- | ---: | ---: | ---: | ---: |'];
  const sizes = (row) => [row.raw, row.gzip, row.brotli].map((bytes) => `${format(bytes, 'KiB')} (${format(bytes, 'B')})`);
  for (const row of rows) lines.push(`| ${row.kind} | ${row.files} | ${sizes(row).join(' | ')} |`);
  const [raw, gzip, brotli] = sizes(total);
  const verdict = (encoding) =>
    `${total[encoding] <= budgets[encoding] ? 'within' : '**over**'} the ${budgets[encoding] / 1024} KiB budget`;
  lines.push(`| **${total.kind}** | ${total.files} | ${raw} | **${gzip}** (${verdict('gzip')}) | **${brotli}** (${verdict('brotli')}) |`);
  return lines.join('\n');
}
