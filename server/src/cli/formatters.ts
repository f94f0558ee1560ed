// Every output format of rac check, by name.
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import type { Format, Formatter } from './types';

export const formatters: Record<Format, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
};
