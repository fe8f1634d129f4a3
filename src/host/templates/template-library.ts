import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors';
import { totalMinutes, parseStep, isStep } from '../../core/workshop/agenda';
import { isTemplate, parseTemplate } from '../../core/workshop/templates';
import type { Template } from '../../core/workshop/templates';
import type { TemplateSummary } from '../../contracts/http';

/** A refused template file, with what exactly is wrong (shown to the facilitator). */
export class TemplateRejected extends DomainError {
  constructor(readonly details: readonly string[]) {
    super('invalid-template', details.join('; '));
  }
}

/**
 * Templates: the built-in ones shipped in resources/templates (read-only, validated at start: a
 * broken one is logged and left out, never crashes the host), and the facilitator's saved ones in
 * `<data>/templates/<id>.json`.
 */
export class TemplateLibrary {
  private readonly builtIn = new Map<string, Template>();
  private readonly savedDir: string;

  constructor(builtInDir: string | null, dataDir: string, log: (line: string) => void) {
    this.savedDir = join(dataDir, 'templates');
    mkdirSync(this.savedDir, { recursive: true });
    if (!builtInDir || !existsSync(builtInDir)) return;
    for (const file of readdirSync(builtInDir).filter((f) => f.endsWith('.json')).sort()) {
      const result = parseTemplate(readFileSync(join(builtInDir, file), 'utf8'));
      if (isTemplate(result)) this.builtIn.set(result.id, result);
      else log(`template ${file} left out: ${describeProblem(result)}`);
    }
  }

  list(): TemplateSummary[] {
    const saved = this.savedIds().flatMap((id) => {
      const template = this.readSaved(id);
      return template ? [summarize(template, false)] : [];
    });
    return [...[...this.builtIn.values()].map((t) => summarize(t, true)), ...saved];
  }

  get(id: string): Template {
    const template = this.builtIn.get(id) ?? (isTemplateId(id) ? this.readSaved(id) : null);
    if (!template) throw new DomainError('not-found', `no template ${id}`);
    return template;
  }

  /** Imports a template file's text; a file with the id of a built-in one gets a new id. */
  import(text: string): TemplateSummary {
    const result = parseTemplate(text);
    if (!isTemplate(result)) throw new TemplateRejected(problemDetails(result));
    return this.save(result);
  }

  save(template: Template): TemplateSummary {
    let id = template.id;
    for (let n = 2; this.builtIn.has(id); n++) id = `${template.id}-${n}`.slice(0, 60);
    const stored = { ...template, id };
    writeFileSync(join(this.savedDir, `${id}.json`), `${JSON.stringify(stored, null, 2)}\n`);
    return summarize(stored, false);
  }

  delete(id: string): void {
    if (this.builtIn.has(id)) throw new DomainError('forbidden', 'built-in templates cannot be deleted');
    const path = join(this.savedDir, `${id}.json`);
    if (!isTemplateId(id) || !existsSync(path)) throw new DomainError('not-found', `no template ${id}`);
    rmSync(path);
  }

  private savedIds(): string[] {
    return readdirSync(this.savedDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .filter(isTemplateId);
  }

  private readSaved(id: string): Template | null {
    const path = join(this.savedDir, `${id}.json`);
    if (!existsSync(path)) return null;
    const result = parseTemplate(readFileSync(path, 'utf8'));
    return isTemplate(result) ? result : null;
  }
}

function isTemplateId(id: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,60}$/.test(id);
}

function summarize(template: Template, builtIn: boolean): TemplateSummary {
  const steps = template.steps.map((s) => parseStep(s)).filter(isStep);
  return {
    id: template.id,
    title: template.title,
    lang: template.lang,
    description: template.description,
    source: template.source,
    stepCount: template.steps.length,
    minutes: totalMinutes(steps),
    builtIn,
  };
}

function problemDetails(problem: Exclude<ReturnType<typeof parseTemplate>, Template>): string[] {
  switch (problem.error) {
    case 'not-json':
      return ['the file is not JSON'];
    case 'not-a-template':
      return ['the file is not a Samskapa template (no "format": "samskapa-template")'];
    case 'template-too-new':
      return [`the template is of version ${problem.version}, newer than this app reads`];
    case 'invalid-template':
      return [...problem.issues];
  }
}

function describeProblem(problem: Exclude<ReturnType<typeof parseTemplate>, Template>): string {
  return problemDetails(problem).join('; ');
}
