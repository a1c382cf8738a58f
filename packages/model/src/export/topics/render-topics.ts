import type { ExportFile } from '../export-file.ts';
import type { ExportPlan } from '../plan.ts';
import { renderAdminScript } from './admin-script.ts';
import { renderShellScript } from './shell-script.ts';
import { renderStrimzi } from './strimzi.ts';
import { renderTerraform } from './terraform.ts';
import { renderTopicsJson } from './topics-json.ts';
import { renderTopicsTypeScript } from './topics-typescript.ts';

/** Topic definitions: the neutral `topics.json` and everything rendered from it. */
export function renderTopics(plan: ExportPlan): ExportFile[] {
  return [
    { path: 'topics/topics.json', contents: renderTopicsJson(plan) },
    { path: 'topics/topics.ts', contents: renderTopicsTypeScript(plan) },
    { path: 'topics/create-topics.ts', contents: renderAdminScript(plan) },
    { path: 'topics/create-topics.sh', contents: renderShellScript(plan) },
    { path: 'topics/strimzi-topics.yaml', contents: renderStrimzi(plan) },
    { path: 'topics/kafka-topics.tf', contents: renderTerraform(plan) },
  ];
}
