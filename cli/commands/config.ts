/** `vanish config`: the configuration in effect; `vanish config --help` lists every field with its unit, allowed range and help. */
import { DEFAULT_EXPERIMENT, FLAG_FIELDS, fieldTable, presetValue, type Kind } from '../../src/config/fields.js';
import * as fmt from '../formats.js';
import { alignColumns } from '../../src/format/table.js';
import { CONFIG_LIMITS_HELP } from '../configFile.js';
import { addExperimentOptions, resolveExperiment } from '../experiment.js';
import { checkOutputs, deliver, outputOf } from '../outputs.js';
import { formatOption, outputFile, outputOption, type Opts, type RegisterCommand } from './shared.js';

/** Every field of each kind with its value in an example experiment, unit, label and allowed range. */
function fieldsHelp(): string {
  const section = (title: string, kind: Kind, example: string) => {
    const fields = fieldTable(kind);
    const rows = Object.keys(fields).map((k) => [`  ${k}`, String(presetValue(example, k)), fields[k].unit, `${fields[k].label}; ${fields[k].allowed}`]);
    return ['', `${title} (for --config files; ${example} values):`, ...alignColumns(rows, ['l', 'r', 'l', 'l'])];
  };
  return [
    ...section('Config fields of a collider', 'collider', DEFAULT_EXPERIMENT),
    ...section('Config fields of a fixed-target beam', 'fixedTarget', 'na64-2019'),
    '',
    "A --config file changes the fields of the chosen experiment's kind; `kind` cannot change.",
  ].join('\n');
}

export const registerConfig: RegisterCommand = (program, { io }) => {
  const config = program
    .command('config')
    .description('print the configuration in effect (experiment < --config file < flags); YAML output is a valid --config file for the same --experiment');
  addExperimentOptions(config, FLAG_FIELDS);
  config
    .addOption(formatOption(['table', 'json', 'yaml']))
    .addOption(outputOption())
    .action(async (opts: Opts) => {
      checkOutputs(outputOf(opts));
      const { name, config: c } = await resolveExperiment(opts, FLAG_FIELDS);
      const yaml = async () => `# vanish config, experiment ${name}: use with --experiment ${name} --config FILE\n${(await import('../yaml.js')).stringify(c)}`;
      const text = opts.format === 'json' ? fmt.configToJson(c) : opts.format === 'yaml' ? await yaml() : fmt.configToTable(c);
      await deliver(io, outputFile(opts), text);
    })
    .addHelpText('after', `${fieldsHelp()}\n${CONFIG_LIMITS_HELP}`);
};
