/** `vanish experiments`: the built-in experiments with their kind, title and source. */
import { EXPERIMENTS } from '../../src/config/presets.js';
import { alignColumns } from '../../src/format/table.js';
import { checkOutputs, deliver, outputOf } from '../outputs.js';
import { formatOption, outputFile, outputOption, type Opts, type RegisterCommand } from './shared.js';

function experimentsText(format: string): string {
  const list = Object.entries(EXPERIMENTS).map(([name, e]) => ({ name, kind: e.config.kind, title: e.title, source: e.source, config: e.config }));
  if (format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
  const rows = [['name', 'kind', 'title', 'source'], ...list.map((e) => [e.name, e.kind, e.title, e.source])];
  return `${alignColumns(rows, ['l', 'l', 'l', 'l']).join('\n')}\n`;
}

export const registerExperiments: RegisterCommand = (program, { io }) => {
  program
    .command('experiments')
    .description('list the built-in experiments (for --experiment) with their kind, title and source')
    .addOption(formatOption(['table', 'json']))
    .addOption(outputOption())
    .action(async (opts: Opts) => {
      checkOutputs(outputOf(opts));
      await deliver(io, outputFile(opts), experimentsText(String(opts.format)));
    })
    .addHelpText('after', '\n--format json gives [{name, kind, title, source, config}], config with every field.');
};
