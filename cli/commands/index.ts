/**
 * The subcommands, in the order `vanish --help` lists them, each loaded only
 * when the program needs it (a command's module brings its own dependencies;
 * loading all of them for every command costs tens of milliseconds). A new
 * subcommand is a file in this folder exporting a {@link RegisterCommand},
 * added here under the name it registers.
 */
import type { RegisterCommand } from './shared.js';

/** A subcommand's name (as it registers itself) and its registration, loaded on demand. */
export interface CommandEntry {
  name: string;
  load: () => Promise<RegisterCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'flux', load: async () => (await import('./flux.js')).registerFlux },
  { name: 'background', load: async () => (await import('./background.js')).registerBackground },
  { name: 'yield', load: async () => (await import('./yield.js')).registerYield },
  { name: 'reach', load: async () => (await import('./reach.js')).registerReach },
  {
    name: 'scan',
    load: async () => {
      const [{ addScanCommand }, { FLAG_FIELDS }] = await Promise.all([import('./scan.js'), import('../../src/config/fields.js')]);
      return (program, { lib, io }) => void addScanCommand(program, lib, io, [...FLAG_FIELDS]);
    },
  },
  {
    name: 'merge',
    load: async () => {
      const { addMergeCommand } = await import('./merge.js');
      return (program, { io }) => void addMergeCommand(program, io);
    },
  },
  {
    name: 'serve',
    load: async () => {
      const { addServeCommand } = await import('./serve.js');
      return (program, { lib, io }) => void addServeCommand(program, lib, io);
    },
  },
  { name: 'config', load: async () => (await import('./config.js')).registerConfig },
  { name: 'experiments', load: async () => (await import('./experiments.js')).registerExperiments },
  {
    name: 'cross-section',
    load: async () => {
      const { addCrossSectionCommand } = await import('./crossSection.js');
      return (program, { io }) => void addCrossSectionCommand(program, io);
    },
  },
];

/**
 * The commands a command line needs: the one it names first (`vanish reach …`), or all of them
 * when it names none (`vanish --help`, `vanish help reach`, a mistyped name that commander
 * answers with a suggestion). Options of the program itself (-V, -h) come before a command's name.
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.find((c) => c.name === argv[0]);
  return named ? [named] : COMMANDS;
}
