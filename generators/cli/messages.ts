import { defineMessages } from '../core/explain/catalog.js';
import type { Locale, Message } from '../core/explain/messages.js';
import { say } from '../core/explain/say.js';
import type { WriteStatus } from '../core/regenerate/outcome.js';

/**
 * What a generation run says on the terminal, in the language of `--explain` (English by default):
 * each file's status, the summary after writing, the notices before it.
 */
export const CLI_MESSAGES = defineMessages({
  en: {
    'cli.status.create': 'create',
    'cli.status.identical': 'identical',
    'cli.status.update': 'update',
    'cli.status.merge': 'merge',
    'cli.status.keep': 'keep',
    'cli.status.force': 'force',
    'cli.status.conflict': 'conflict',
    'cli.status.refuse': 'refuse',
    'cli.status.append': 'append',
    'cli.summary.framework': 'framework: {name} ({source})',
    'cli.summary.start': 'start: node {start} ({source})',
    'cli.summary.start.guessed': 'start: node {start} ({source}) (a guess: --start settles it)',
    'cli.summary.runtime': 'runtime: {runtime} ({image}): {reason}',
    'cli.summary.port': 'port: {port}',
    'cli.summary.port.none': 'port: none (no listener found: runs as a command)',
    'cli.summary.note': 'note: {text}',
    'cli.summary.next': 'next: {command}',
    'cli.notice.saved': 'create-dockerfile: taking the choices saved in .create-dockerfile.json (flags override them; --reset ignores them)',
    'cli.notice.no-tty': 'create-dockerfile: stdin is not a terminal; accepting detected defaults as with --yes',
    'cli.notice.no-tty.saved': 'create-dockerfile: stdin is not a terminal; accepting saved choices and detected defaults as with --yes',
    'cli.update.none': 'base images are up to date: nothing to move',
    'cli.update.move': 'move {from} -> {to}',
    'cli.check.in-step': 'in step: regenerating would change none of {files}',
    'cli.diff.none': 'no change: regenerating would write the files as they are',
    'cli.diff.conflict': 'conflict: {place} (your edit and the regeneration change the same lines)',
    'cli.digest.unknown': 'no digest known for {image}: the engine has not pulled or pushed it (docker pull {image2}, then rerun)',
    'cli.services.service': 'service {name} ({dir}):',
    'cli.services.compose': 'next: docker compose up --build --wait',
    'cli.services.compose.file': 'next: docker compose -f {file} up --build --wait',
    'cli.services.bake': 'next: docker buildx bake',
  },
  fr: {
    'cli.status.create': 'créé',
    'cli.status.identical': 'identique',
    'cli.status.update': 'mis à jour',
    'cli.status.merge': 'fusionné',
    'cli.status.keep': 'gardé',
    'cli.status.force': 'écrasé',
    'cli.status.conflict': 'conflit',
    'cli.status.refuse': 'refusé',
    'cli.status.append': 'complété',
    'cli.summary.framework': 'framework : {name} ({source})',
    'cli.summary.start': 'démarrage : node {start} ({source})',
    'cli.summary.start.guessed': 'démarrage : node {start} ({source}) (supposé : --start le fixe)',
    'cli.summary.runtime': 'image finale : {runtime} ({image}) : {reason}',
    'cli.summary.port': 'port : {port}',
    'cli.summary.port.none': 'port : aucun (aucune écoute trouvée : tourne comme une commande)',
    'cli.summary.note': 'note : {text}',
    'cli.summary.next': 'ensuite : {command}',
    'cli.notice.saved': 'create-dockerfile : reprise des choix enregistrés dans .create-dockerfile.json (les options les remplacent ; --reset les ignore)',
    'cli.notice.no-tty': "create-dockerfile : l'entrée standard n'est pas un terminal ; valeurs détectées acceptées comme avec --yes",
    'cli.notice.no-tty.saved': "create-dockerfile : l'entrée standard n'est pas un terminal ; choix enregistrés et valeurs détectées acceptés comme avec --yes",
    'cli.update.none': 'les images de base sont à jour : rien à déplacer',
    'cli.update.move': 'déplacement {from} -> {to}',
    'cli.check.in-step': 'en phase : la régénération ne changerait aucun de {files}',
    'cli.diff.none': 'aucun changement : la régénération écrirait les fichiers tels quels',
    'cli.diff.conflict': 'conflit : {place} (votre modification et la régénération changent les mêmes lignes)',
    'cli.digest.unknown': 'aucun digest connu pour {image} : le moteur ne l’a ni tirée ni poussée (docker pull {image2}, puis relancez)',
    'cli.services.service': 'service {name} ({dir}) :',
    'cli.services.compose': 'ensuite : docker compose up --build --wait',
    'cli.services.compose.file': 'ensuite : docker compose -f {file} up --build --wait',
    'cli.services.bake': 'ensuite : docker buildx bake',
  },
});

export type CliMessageId = keyof typeof CLI_MESSAGES.catalog.en;

/** A sentence of the CLI's, in `locale`. */
export const cliText = (locale: Locale, id: CliMessageId, args?: Message['args']): string => say(CLI_MESSAGES.catalog, locale, id, args);

/** A file's status line as yeoman prints them: the word right-aligned in nine columns, then the path. */
export const statusLine = (locale: Locale, status: WriteStatus, path: string): string => `${cliText(locale, `cli.status.${status}`).padStart(9)} ${path}`;
