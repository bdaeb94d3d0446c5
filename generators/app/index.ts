import { basename } from 'node:path';
import Generator from 'yeoman-generator';
import { choicesFrom, type CliOptions } from '../cli/args.js';
import { dryRunText, jsonText, summaryLines } from '../cli/report.js';
import { terminalLine, terminalText } from '../cli/streams.js';
import { takeSnapshot } from '../core/detect/snapshot.js';
import { conflicterWrites } from '../cli/write-files.js';
import type { SavedState } from '../cli/saved-choices.js';
import { saveState } from '../cli/saved-state.js';
import type { Choices } from '../core/types.js';
import type { Facts, GenerationResult } from '../languages/registry.js';
import { PIPELINE } from '../pipeline/index.js';
import { knownDigests } from '../verify/docker.js';
import { templatesDir } from '../util/package-root.js';
import { PROJECT_TEMPLATES, projectTemplates, projectTemplatesNote, templateOverrideDirs } from '../util/template-dirs.js';
import { commitAtomically } from './atomic-commit.js';
import { QUESTIONS } from './questions.js';
import { PROMPT_MESSAGES } from '../core/explain/prompt-messages.js';

export interface DockerfileGeneratorOptions {
  readonly cli: CliOptions;
  readonly interactive: boolean;
  /** The project's saved choices and last generated files, when it has them. */
  readonly state?: SavedState;
  /** Receives the result, for callers (tests, the CLI) that want it as data. */
  readonly onResult?: (result: GenerationResult) => void;
}

/** A thin shell: yeoman supplies prompts and conflict-aware writes; the pure core does the work. */
export default class DockerfileGenerator extends Generator {
  private facts!: Facts;
  private choices: Choices = {};
  private projectTemplates: string[] = [];
  private useProjectTemplates = false;
  private result!: GenerationResult;

  constructor(args: string[], options: Record<string, unknown>) {
    // A Dockerfile changes no package.json, so yeoman's install step has nothing to do here.
    super(args, options as never, { customInstallTask: true });
    // Writes go through yeoman's conflicter as usual, then land atomically: temp file, then rename.
    this.setFeatures({ customCommitTask: () => commitAtomically(this.env as never) });
  }

  /**
   * yeoman names the app from package.json through its own storage, which throws a bare SyntaxError
   * on a malformed file. The Node detector reads package.json itself and reports that clearly.
   */
  override determineAppname(): string {
    return basename(this.destinationRoot());
  }

  private get settings(): DockerfileGeneratorOptions {
    return this.options as unknown as DockerfileGeneratorOptions;
  }

  initializing(): void {
    const { cli } = this.settings;
    this.facts = PIPELINE.detect(takeSnapshot(this.destinationRoot()), { language: cli.language, workspace: cli.workspace, start: cli.start });
    this.choices = choicesFrom(cli);
    this.projectTemplates = projectTemplates(this.destinationRoot());
    this.useProjectTemplates = cli.projectTemplates && this.projectTemplates.length > 0;
  }

  async prompting(): Promise<void> {
    if (!this.settings.interactive) return;
    // Rows are asked in order, each seeing the answers before it (the port depends on the main package).
    for (const row of QUESTIONS) {
      if (this.choices[row.name] !== undefined || !row.applies(this.facts, this.choices)) continue;
      const question = row.question(this.facts, this.choices, this.settings.cli.explain ?? 'en');
      const answers = await this.prompt([{ name: row.name, ...question } as never]);
      const answer = (answers as Record<string, unknown>)[row.name];
      // Taking the proposed port decides nothing: the plan keeps saying where it came from (a guess says so).
      if (row.name === 'port' && answer === (question as { default?: unknown }).default) continue;
      this.choices = { ...this.choices, [row.name]: answer };
    }
    // The project's own templates are code from the repository: used only when the user says so.
    if (this.projectTemplates.length > 0 && !this.useProjectTemplates) {
      const question = {
        type: 'confirm',
        name: 'projectTemplates',
        default: false,
        message: PROMPT_MESSAGES.text(this.settings.cli.explain ?? 'en', 'prompt.templates', {
          folder: PROJECT_TEMPLATES,
          files: this.projectTemplates.join(', '),
        }),
      };
      const answer = await this.prompt<{ projectTemplates?: boolean }>([question as never]);
      this.useProjectTemplates = Boolean(answer.projectTemplates);
    }
  }

  /** The one step that asks the engine something: the digests it knows for the base images. */
  async configuring(): Promise<void> {
    if (!this.settings.cli.pinDigests) return;
    const images = PIPELINE.baseImages(this.facts, this.choices);
    this.choices = { ...this.choices, digests: await knownDigests(images) };
  }

  writing(): void {
    const { cli, interactive } = this.settings;
    this.result = PIPELINE.generate(this.facts, this.choices, {
      templatesDir,
      overrideDirs: templateOverrideDirs(this.destinationRoot(), cli.templates, this.useProjectTemplates),
      explain: cli.explain,
    });
    this.settings.onResult?.(this.result);
    if (this.projectTemplates.length > 0) this.log(terminalLine(projectTemplatesNote(this.projectTemplates, this.useProjectTemplates)));
    // Shown, never obeyed: a control character from a folder name cannot act on the terminal.
    if (cli.json) return void process.stdout.write(terminalText(jsonText(this.result)));
    if (cli.dryRun) return void process.stdout.write(terminalText(dryRunText(this.result.files)));

    // Existing files pass the reading gate before the conflicter reads them. The user's edits are
    // merged with the regeneration first; the conflicter then asks about what still differs. Without
    // a terminal there is no conflict menu, so a differing file refuses the run before anything is written.
    const writes = conflicterWrites(this.destinationRoot(), this.result.files, {
      force: cli.force,
      asks: interactive,
      base: this.settings.state?.generated,
      show: (text) => process.stdout.write(terminalText(text)),
    });
    for (const outcome of writes) this.fs.write(this.destinationPath(outcome.path), outcome.next);
  }

  end(): void {
    const { cli } = this.settings;
    if (!cli.json && !cli.dryRun) {
      // The prompts' answers are choices too: a later run takes them without asking again.
      const answered = { ...cli, runtime: this.choices.runtime, port: this.choices.port, main: this.choices.main, digests: this.choices.digests };
      saveState(this.destinationRoot(), answered, this.result.files, (line) => this.log(terminalLine(line)));
    }
    for (const line of summaryLines(this.result, cli.explain)) this.log(terminalLine(line));
  }
}
