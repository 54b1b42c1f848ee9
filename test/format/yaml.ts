/** Re-export so tests read YAML with the same package the formatter writes it with. */
export * as YAML from 'yaml';
