/**
 * The subcommands, in the order `vanish --help` lists them. A new subcommand
 * is a file in this folder exporting a {@link RegisterCommand}, added here.
 */
import { registerBackground } from './background.js';
import { registerConfig } from './config.js';
import { registerExperiments } from './experiments.js';
import { registerFlux } from './flux.js';
import { registerReach } from './reach.js';
import { FLAG_FIELDS } from '../../src/config/fields.js';
import { addCrossSectionCommand } from './crossSection.js';
import { addMergeCommand } from './merge.js';
import { addScanCommand } from './scan.js';
import { addServeCommand } from './serve.js';
import type { RegisterCommand } from './shared.js';
import { registerYield } from './yield.js';

const registerScan: RegisterCommand = (program, { lib, io }) => void addScanCommand(program, lib, io, [...FLAG_FIELDS]);
const registerMerge: RegisterCommand = (program, { io }) => void addMergeCommand(program, io);
const registerServe: RegisterCommand = (program, { lib, io }) => void addServeCommand(program, lib, io);
const registerCrossSection: RegisterCommand = (program, { io }) => void addCrossSectionCommand(program, io);

export const COMMANDS: readonly RegisterCommand[] = [
  registerFlux,
  registerBackground,
  registerYield,
  registerReach,
  registerScan,
  registerMerge,
  registerServe,
  registerConfig,
  registerExperiments,
  registerCrossSection,
];
